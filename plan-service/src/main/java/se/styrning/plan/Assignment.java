package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.plan.event.AssignmentUpserted;

import java.time.Instant;
import java.util.UUID;

/** An assignment (uppdrag) under a focus area, numbered like "3.1.1.2". */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

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

    public AssignmentUpserted upserted() {
        return new AssignmentUpserted(id, planId, focusAreaId, number, title, description, kind.name(),
                parentAssignmentId, position, version);
    }
}
