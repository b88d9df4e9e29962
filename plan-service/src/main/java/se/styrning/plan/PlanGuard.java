package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import se.styrning.platform.security.UnitAccess;

import java.util.UUID;

/** Loads a plan for a change: 404 if unknown, 403 unless the caller acts for its unit, 409 if closed. */
@ApplicationScoped
public class PlanGuard {

    private final UnitAccess access;

    PlanGuard(UnitAccess access) {
        this.access = access;
    }

    /** A plan whose content the caller may change now. */
    public Plan writable(UUID planId) {
        Plan plan = Plan.require(planId);
        access.requireWrite(plan.unitId);
        plan.requireOpen();
        return plan;
    }

    /** A plan the caller may delete content from: only a draft. */
    public Plan deletable(UUID planId, String action) {
        Plan plan = Plan.require(planId);
        access.requireWrite(plan.unitId);
        plan.requireDraft(action);
        return plan;
    }

    /** A plan the caller may act on whatever its state (adopt, close), or for one of {@code alsoAllowed}. */
    public Plan actionable(UUID planId, UUID... alsoAllowed) {
        Plan plan = Plan.require(planId);
        UUID[] units = new UUID[alsoAllowed.length + 1];
        units[0] = plan.unitId;
        System.arraycopy(alsoAllowed, 0, units, 1, alsoAllowed.length);
        access.requireWrite(units);
        return plan;
    }

    public void requireUnit(UUID unitId) {
        access.requireWrite(unitId);
    }
}
