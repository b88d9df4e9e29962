package se.styrning.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.event.AssessmentRecorded;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The assessment of an assignment for a period: its fulfilment and the analysis comment. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID assignmentId;
    public UUID planId;
    public String period;
    @Enumerated(EnumType.STRING)
    public Fulfilment fulfilment;
    public String comment;
    @Version
    public long version;
    public String assessedBy;
    public Instant assessedAt;

    public static Optional<Assessment> find(UUID assignmentId, Period period) {
        return find("assignmentId = ?1 and period = ?2", assignmentId, period.toString()).firstResultOptional();
    }

    /** The assessment's state, as audited and answered. */
    public State state() {
        return new State(id, assignmentId, planId, period, fulfilment, comment, version, assessedBy, assessedAt);
    }

    /** The assessment as its event says it; the version is the one the flush gave it. */
    public AssessmentRecorded recorded(UUID unitId) {
        return new AssessmentRecorded(id, assignmentId, planId, unitId, period, fulfilment.name(), comment, version,
                assessedBy, assessedAt);
    }

    @Schema(name = "Assessment", description = "An assignment's assessment for a period; ETag is its version")
    public record State(UUID id, UUID assignmentId, UUID planId, String period, Fulfilment fulfilment, String comment,
                        long version, String assessedBy, Instant assessedAt) {
    }
}
