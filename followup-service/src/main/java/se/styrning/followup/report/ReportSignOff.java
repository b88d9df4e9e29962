package se.styrning.followup.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import se.styrning.followup.Period;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Who marked a plan's follow-up for a period ready, and who approved it, since it was last reopened. */
@Entity
@Table(name = "report_sign_off")
public class ReportSignOff extends PanacheEntityBase {

    @Embeddable
    public record Key(UUID planId, String period) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public String readyBy;
    public Instant readyAt;
    public String approvedBy;
    public Instant approvedAt;

    public static Optional<ReportSignOff> find(UUID planId, Period period) {
        return findByIdOptional(new Key(planId, period.toString()));
    }

    /** Where the follow-up stands: as its latest version when that is closed or published, else as far as signed off. */
    public static ReportState state(ReportVersion latest, ReportSignOff signOff) {
        if (latest != null && latest.state() != ReportState.OPEN) {
            return latest.state();
        }
        if (signOff != null && signOff.approvedAt != null) {
            return ReportState.APPROVED;
        }
        return signOff != null && signOff.readyAt != null ? ReportState.READY : ReportState.OPEN;
    }

    void clear() {
        readyBy = null;
        readyAt = null;
        approvedBy = null;
        approvedAt = null;
    }
}
