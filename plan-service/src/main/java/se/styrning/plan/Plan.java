package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.plan.event.PlanAdopted;
import se.styrning.plan.event.PlanUpserted;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A unit's operational plan (verksamhetsplan) for one year. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID unitId;
    public int year;
    public String title;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    public String adoptedBy;
    public LocalDate adoptedOn;
    public Instant closedAt;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    static Plan draft(UUID unitId, int year, String title, Instant now) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.unitId = unitId;
        plan.year = year;
        plan.title = title;
        plan.status = PlanStatus.DRAFT;
        plan.createdAt = now;
        plan.updatedAt = now;
        return plan;
    }

    /** Anything but a closed plan can still change. */
    public void requireOpen() {
        if (status == PlanStatus.CLOSED) {
            throw ProblemException.conflict("Plan " + year + " (" + title + ") is closed and can no longer change");
        }
    }

    /** Deleting content is for drafts; once adopted, the plan's history is kept (activities are cancelled). */
    public void requireDraft(String action) {
        if (status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("Only a DRAFT plan allows " + action + "; this plan is " + status);
        }
    }

    void retitle(String newTitle, Instant now) {
        requireOpen();
        title = newTitle;
        updatedAt = now;
    }

    void adopt(String by, LocalDate on, Instant now) {
        if (status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("Only a DRAFT plan can be adopted; this one is " + status);
        }
        status = PlanStatus.ADOPTED;
        adoptedBy = by;
        adoptedOn = on;
        updatedAt = now;
    }

    void close(Instant now) {
        if (status != PlanStatus.ADOPTED) {
            throw ProblemException.conflict("Only an ADOPTED plan can be closed; this one is " + status);
        }
        status = PlanStatus.CLOSED;
        closedAt = now;
        updatedAt = now;
    }

    public PlanUpserted upserted() {
        return new PlanUpserted(id, unitId, year, title, status.name(), adoptedBy, adoptedOn, closedAt, version);
    }

    /** Announces the adoption, right after the upsert that carries the status ADOPTED. */
    public PlanAdopted adopted() {
        return new PlanAdopted(id, unitId, year, adoptedBy, adoptedOn);
    }

    /** The Plan with this id, or a 404 problem. */
    public static Plan require(UUID id) {
        return Plan.<Plan>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }
}
