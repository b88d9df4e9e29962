package se.styrning.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.plan.event.PlanAdopted;
import se.styrning.plan.event.PlanUpserted;
import se.styrning.platform.outbox.Outbox;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The plan lifecycle: every change checked, audited and published on {@code plan.events} (key: plan id). */
@ApplicationScoped
public class PlanService {

    private final PlanChanges changes;
    private final Outbox outbox;
    private final PlanGuard guard;

    PlanService(PlanChanges changes, Outbox outbox, PlanGuard guard) {
        this.changes = changes;
        this.outbox = outbox;
        this.guard = guard;
    }

    public static Plan find(UUID id) {
        return Plan.<Plan>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
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
        publish("ADOPTED", before, plan);
        outbox.publish("plan", plan.id, PlanAdopted.TYPE,
                new PlanAdopted(plan.id, plan.unitId, plan.year, plan.adoptedBy, plan.adoptedOn));
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
        changes.record(action, "plan", plan.id, plan.id, PlanUpserted.TYPE, before, plan.upserted());
    }
}
