package se.styrning.followup.report;

import se.styrning.followup.WorkItem;

import java.time.Instant;
import java.util.List;

/**
 * What the audit trail keeps of a follow-up's step: its state, the sign-off, the latest version (the snapshot itself
 * stays in report_version) and, when marked ready or approved, the work still open.
 */
public record ReportSummary(ReportState state, Integer version, String readyBy, Instant readyAt, String approvedBy,
                            Instant approvedAt, String closedBy, Instant closedAt, String publishedBy, Instant publishedAt,
                            String reopenedBy, Instant reopenedAt, String reopenReason, List<WorkItem> openWork) {

    /** The sign-off shown is the frozen version's while it is closed or published, the live one's otherwise. */
    static ReportSummary of(ReportVersion latest, ReportSignOff signOff, List<WorkItem> openWork) {
        boolean frozen = latest != null && latest.state() != ReportState.OPEN;
        return new ReportSummary(ReportSignOff.state(latest, signOff), latest == null ? null : latest.number,
                frozen ? latest.readyBy : signOff.readyBy, frozen ? latest.readyAt : signOff.readyAt,
                frozen ? latest.approvedBy : signOff.approvedBy, frozen ? latest.approvedAt : signOff.approvedAt,
                latest == null ? null : latest.closedBy, latest == null ? null : latest.closedAt,
                latest == null ? null : latest.publishedBy, latest == null ? null : latest.publishedAt,
                latest == null ? null : latest.reopenedBy, latest == null ? null : latest.reopenedAt,
                latest == null ? null : latest.reopenReason, openWork);
    }

    /** This summary with the reopening: who, when and why (also when no version was reopened: READY or APPROVED). */
    ReportSummary reopened(String by, Instant at, String reason) {
        return new ReportSummary(state, version, readyBy, readyAt, approvedBy, approvedAt, closedBy, closedAt,
                publishedBy, publishedAt, by, at, reason, openWork);
    }
}
