package se.styrning.followup.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import se.styrning.followup.Period;
import se.styrning.followup.event.RollupClosed;
import se.styrning.followup.event.RollupPublished;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A frozen roll-up report: the snapshot taken when a unit's roll-up was closed, numbered per unit and period. */
@Entity
@Table(name = "rollup_version")
public class RollupVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID unitId;
    public String period;
    public int number;
    public String snapshot;
    /** Whether every plan under the unit was approved when it was closed; publishing requires it. */
    public boolean plansApproved;
    public String closedBy;
    public Instant closedAt;
    public String publishedBy;
    public Instant publishedAt;
    public String reopenedBy;
    public Instant reopenedAt;
    public String reopenReason;

    /** What the audit trail keeps of it (the snapshot itself stays here). */
    public record Summary(ReportState state, int version, boolean plansApproved, String closedBy, Instant closedAt,
                          String publishedBy, Instant publishedAt, String reopenedBy, Instant reopenedAt,
                          String reopenReason) {
    }

    /** Announces the closing: this version, frozen, with the roll-up's counts. */
    RollupClosed closed(RollupReport report) {
        return new RollupClosed(unitId, period, number, report.plans().size(), report.plansApproved(),
                report.activitiesByStatus(), exceptionCount(report), report.economy().deviations().size(), link(),
                closedBy, closedAt);
    }

    /** Announces the publication of this version to the board. */
    RollupPublished published(RollupReport report) {
        return new RollupPublished(unitId, period, number, report.plans().size(), report.activitiesByStatus(),
                exceptionCount(report), report.economy().deviations().size(), link(), publishedBy, publishedAt);
    }

    /** Where this version is read. */
    private String link() {
        return "/api/rollup-reports/" + unitId + "/" + period + "?version=" + number;
    }

    /** The activities the roll-up lists as exceptions, over all its units. */
    private static int exceptionCount(RollupReport report) {
        return report.exceptions().stream().flatMap(unit -> unit.assignments().stream())
                .mapToInt(assignment -> assignment.activities().size()).sum();
    }

    public static Optional<RollupVersion> latest(UUID unitId, Period period) {
        return find("unitId = ?1 and period = ?2 order by number desc", unitId, period.toString()).firstResultOptional();
    }

    /** The newest version that was published, whether or not the roll-up was reopened since. */
    public static Optional<RollupVersion> latestPublished(UUID unitId, Period period) {
        return find("unitId = ?1 and period = ?2 and publishedAt is not null order by number desc", unitId,
                period.toString()).firstResultOptional();
    }

    public static Optional<RollupVersion> number(UUID unitId, Period period, int number) {
        return find("unitId = ?1 and period = ?2 and number = ?3", unitId, period.toString(), number).firstResultOptional();
    }

    /** The state this version gives the roll-up when it is the latest. */
    public ReportState state() {
        return reopenedAt != null ? ReportState.OPEN : publishedAt != null ? ReportState.PUBLISHED : ReportState.CLOSED;
    }

    Summary summary() {
        return new Summary(state(), number, plansApproved, closedBy, closedAt, publishedBy, publishedAt, reopenedBy,
                reopenedAt, reopenReason);
    }
}
