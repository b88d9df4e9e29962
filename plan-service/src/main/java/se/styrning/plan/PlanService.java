package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.PlanUpserted;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The plan lifecycle: every change checked, audited and published on {@code plan.events} (key: plan id). */
@ApplicationScoped
public class PlanService {

    private final Changes changes;
    private final PlanGuard guard;

    PlanService(Changes changes, PlanGuard guard) {
        this.changes = changes;
        this.guard = guard;
    }

    @Transactional
    public Plan create(UUID unitId, int year, String title) {
        if (OrganisationUnit.findByIdOptional(unitId).isEmpty()) {
            throw ProblemException.invalidField("unitId", "unit " + unitId + " does not exist");
        }
        guard.requireUnit(unitId);
        if (Plan.count("unitId = ?1 and year = ?2", unitId, year) > 0) {
            throw ProblemException.conflict("The unit already has a plan for " + year);
        }
        Plan plan = Plan.draft(unitId, year, title, Instant.now());
        plan.persistAndFlush();
        publish("CREATED", null, plan);
        return plan;
    }

    @Transactional
    public Plan retitle(UUID id, String ifMatch, String title) {
        Plan plan = guard.actionable(id);
        Versions.requireMatch(ifMatch, plan.version);
        PlanUpserted before = plan.upserted();
        plan.retitle(title, Instant.now());
        plan.persistAndFlush();
        publish("UPDATED", before, plan);
        return plan;
    }

    @Transactional
    public Plan adopt(UUID id, String ifMatch, String adoptedBy, LocalDate adoptedOn) {
        Plan plan = guard.actionable(id);
        Versions.checkMatch(ifMatch, plan.version);
        PlanUpserted before = plan.upserted();
        plan.adopt(adoptedBy, adoptedOn, Instant.now());
        plan.persistAndFlush();
        changes.record(new Change("ADOPTED", "plan", plan.id, before, plan.upserted()), plan.upserted(), plan.adopted());
        return plan;
    }

    @Transactional
    public Plan close(UUID id, String ifMatch) {
        Plan plan = guard.actionable(id);
        Versions.checkMatch(ifMatch, plan.version);
        PlanUpserted before = plan.upserted();
        plan.close(Instant.now());
        plan.persistAndFlush();
        publish("CLOSED", before, plan);
        return plan;
    }

    private void publish(String action, PlanUpserted before, Plan plan) {
        changes.record(new Change(action, "plan", plan.id, before, plan.upserted()), plan.upserted());
    }
}
