package se.styrning.followup;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.problem.ProblemKind;
import se.styrning.platform.security.UnitAccess;

import java.util.UUID;

/**
 * Who may read a unit's unpublished follow-up (a report or roll-up not published, its texts, assessments, indicator
 * outcomes, work lists): the unit's own people and those of the units above it, as for writes ({@link UnitAccess}),
 * and every controller and admin, since controllers compile the region-wide follow-ups. A published version is a
 * public document: the use-case services do not ask for it.
 */
@ApplicationScoped
public class ReadAccess {

    static final String CONTROLLER = "controller";

    private final SecurityIdentity caller;
    private final UnitAccess access;

    ReadAccess(SecurityIdentity caller, UnitAccess access) {
        this.caller = caller;
        this.access = access;
    }

    /** Passes when the caller may read the unpublished data of {@code unitId}; 403 otherwise. */
    public void require(UUID unitId) {
        if (caller.isAnonymous()) {
            // UnitAccess lets code outside a request pass; nothing unpublished is read without a token
            throw new ProblemException(Problem.of(ProblemKind.FORBIDDEN, "Only published documents are read without a token"));
        }
        if (caller.hasRole(CONTROLLER)) {
            return;
        }
        access.requireWrite(unitId); // the token's units include the unit or one above it (an admin passes)
    }

    /** As {@link #require}, for the unit of a plan; a plan followup-service has not received has nothing to read. */
    public void requirePlan(UUID planId) {
        ReportingPlan.<ReportingPlan>findByIdOptional(planId).ifPresent(plan -> require(plan.unitId));
    }
}
