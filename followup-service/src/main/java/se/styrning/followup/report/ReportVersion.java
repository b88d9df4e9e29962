package se.styrning.followup.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.styrning.followup.Period;
import se.styrning.followup.event.ReportClosed;
import se.styrning.followup.event.ReportPublished;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A frozen period report: the snapshot taken when the follow-up was closed, numbered per plan and period. */
@Entity
@Table(name = "report_version")
public class ReportVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID planId;
    public String period;
    public int number;
    public String snapshot;
    /** Who had marked it ready and approved it when it was closed; publishing requires the approval. */
    public String readyBy;
    public Instant readyAt;
    public String approvedBy;
    public Instant approvedAt;
    public String closedBy;
    public Instant closedAt;
    public String publishedBy;
    public Instant publishedAt;
    public String reopenedBy;
    public Instant reopenedAt;
    public String reopenReason;

    /** Announces the closing: this version, frozen, with the report's counts. */
    public ReportClosed closed(UUID unitId, PeriodReport report) {
        return new ReportClosed(planId, unitId, period, number, report.activitiesByStatus(), report.exceptions().size(),
                report.economy().deviations().size(), link(), closedBy, closedAt);
    }

    /** Announces the publication of this version to the board. */
    public ReportPublished published(UUID unitId, PeriodReport report) {
        return new ReportPublished(planId, unitId, period, number, report.activitiesByStatus(), report.exceptions().size(),
                report.economy().deviations().size(), link(), publishedBy, publishedAt);
    }

    /** Where this version is read. */
    String link() {
        return "/api/reports/" + planId + "/" + period + "?version=" + number;
    }

    public static Optional<ReportVersion> latest(UUID planId, Period period) {
        return find("planId = ?1 and period = ?2 order by number desc", planId, period.toString()).firstResultOptional();
    }

    /** The newest version that was published, whether or not the follow-up was reopened since. */
    public static Optional<ReportVersion> latestPublished(UUID planId, Period period) {
        return find("planId = ?1 and period = ?2 and publishedAt is not null order by number desc", planId,
                period.toString()).firstResultOptional();
    }

    public static Optional<ReportVersion> number(UUID planId, Period period, int number) {
        return find("planId = ?1 and period = ?2 and number = ?3", planId, period.toString(), number).firstResultOptional();
    }

    /** The state this version gives the follow-up when it is the latest. */
    public ReportState state() {
        return reopenedAt != null ? ReportState.OPEN : publishedAt != null ? ReportState.PUBLISHED : ReportState.CLOSED;
    }
}
