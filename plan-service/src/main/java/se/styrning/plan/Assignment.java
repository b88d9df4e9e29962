package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.plan.event.AssignmentUpserted;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An assignment (uppdrag) under a focus area, numbered like "3.1.1.2". The administration's assignments sit under a
 * region-wide one or directly under the focus area; region-wide levels may nest (seed 000's prioriteringsområde above
 * its priorities), at most {@link #MAX_DEPTH} assignments deep.
 */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    public static final int MAX_DEPTH = 5;

    @Id
    public UUID id;
    public UUID planId;
    public UUID focusAreaId;
    public String number;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public AssignmentKind kind;
    public UUID parentAssignmentId;
    public int position;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    static Assignment create(FocusArea area, Instant now) {
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.planId = area.planId;
        assignment.focusAreaId = area.id;
        assignment.createdAt = now;
        return assignment;
    }

    void set(String number, String title, String description, AssignmentKind kind, UUID parentAssignmentId,
             int position, Instant now) {
        this.number = number;
        this.title = title;
        this.description = description;
        this.kind = kind;
        this.parentAssignmentId = parentAssignmentId;
        this.position = position;
        this.updatedAt = now;
    }

    /** How many levels the assignment and those below it take: 1 without any, at most {@code limit} + 1 counted. */
    int levels(int limit) {
        int levels = 1;
        for (List<UUID> level = List.of(id); levels <= limit; levels++) {
            level = getEntityManager().createQuery("select a.id from Assignment a where a.parentAssignmentId in :above", UUID.class)
                    .setParameter("above", level)
                    .getResultList();
            if (level.isEmpty()) {
                return levels;
            }
        }
        return levels;
    }

    public AssignmentUpserted upserted() {
        return new AssignmentUpserted(id, planId, focusAreaId, number, title, description, kind.name(),
                parentAssignmentId, position, version);
    }

    /** The Assignment with this id, or a 404 problem. */
    public static Assignment require(UUID id) {
        return Assignment.<Assignment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assignment", id));
    }
}
