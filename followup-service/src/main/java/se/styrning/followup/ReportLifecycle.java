package se.styrning.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import se.styrning.followup.event.ReportClosed;
import se.styrning.followup.event.ReportPublished;
import se.styrning.platform.audit.Audit;
import se.styrning.platform.outbox.Outbox;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up's life: OPEN (the report follows the events) → CLOSED (frozen as a numbered snapshot that later
 * events do not change) → PUBLISHED; reopening (with a reason) makes it OPEN again and the next close a new version.
 */
@ApplicationScoped
public class ReportLifecycle {

    private final PeriodReports reports;
    private final Outbox outbox;
    private final Audit audit;
    private final UnitAccess access;
    private final CurrentSubject subject;
    private final ObjectMapper json;
    private final EntityManager entityManager;

    ReportLifecycle(PeriodReports reports, Outbox outbox, Audit audit, UnitAccess access, CurrentSubject subject,
                    ObjectMapper json, EntityManager entityManager) {
        this.reports = reports;
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
        this.subject = subject;
        this.json = json;
        this.entityManager = entityManager;
    }

    /** The report as the follow-up stands: frozen when closed or published, live when open; or a given version. */
    @Transactional
    public PeriodReport report(UUID planId, Period period, Integer version) {
        // nothing here changes, so the commit need not flush (check) every row the report read
        entityManager.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
        if (version != null) {
            ReportVersion frozen = ReportVersion.number(planId, period, version)
                    .orElseThrow(() -> ProblemException.notFound("Version " + version + " of the report", planId + "/" + period));
            return frozen(frozen);
        }
        return ReportVersion.latest(planId, period).filter(latest -> latest.state() != ReportState.OPEN)
                .map(this::frozen).orElseGet(() -> reports.build(planId, period));
    }

    @Transactional
    public PeriodReport close(UUID planId, Period period) {
        ReportingPlan plan = writable(planId);
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        if (latest != null && latest.state() != ReportState.OPEN) {
            throw ProblemException.conflict("The follow-up is " + latest.state() + " as version " + latest.number
                    + "; reopen it with a reason first");
        }
        int number = latest == null ? 1 : latest.number + 1;
        PeriodReport report = reports.build(planId, period).as(ReportState.CLOSED, number);
        ReportVersion version = new ReportVersion();
        version.id = UUID.randomUUID();
        version.planId = planId;
        version.period = period.toString();
        version.number = number;
        version.snapshot = write(report);
        version.closedBy = subject.name();
        version.closedAt = Instant.now();
        version.persist();
        outbox.publish("report", planId, ReportClosed.TYPE, new ReportClosed(planId, plan.unitId, period.toString(), number,
                report.activitiesByStatus(), report.exceptions().size(), report.economy().deviations().size(),
                link(planId, period, number), version.closedBy, version.closedAt));
        audit.record("CLOSED", "report", planId + "/" + period, null, summary(version));
        return report;
    }

    @Transactional
    public PeriodReport reopen(UUID planId, Period period, String reason) {
        writable(planId);
        ReportVersion latest = ReportVersion.latest(planId, period)
                .filter(version -> version.state() != ReportState.OPEN)
                .orElseThrow(() -> ProblemException.conflict("The follow-up is open; there is nothing to reopen"));
        Summary before = summary(latest);
        latest.reopenedBy = subject.name();
        latest.reopenedAt = Instant.now();
        latest.reopenReason = reason.strip();
        audit.record("REOPENED", "report", planId + "/" + period, before, summary(latest));
        return reports.build(planId, period);
    }

    @Transactional
    public PeriodReport publish(UUID planId, Period period) {
        ReportingPlan plan = writable(planId);
        ReportVersion latest = ReportVersion.latest(planId, period)
                .filter(version -> version.state() == ReportState.CLOSED)
                .orElseThrow(() -> ProblemException.conflict("Only a closed follow-up is published; close it first"));
        Summary before = summary(latest);
        latest.publishedBy = subject.name();
        latest.publishedAt = Instant.now();
        PeriodReport report = frozen(latest);
        outbox.publish("report", planId, ReportPublished.TYPE, new ReportPublished(planId, plan.unitId, period.toString(),
                latest.number, report.activitiesByStatus(), report.exceptions().size(), report.economy().deviations().size(),
                link(planId, period, latest.number), latest.publishedBy, latest.publishedAt));
        audit.record("PUBLISHED", "report", planId + "/" + period, before, summary(latest));
        return report;
    }

    /** What the audit trail keeps of a version (the snapshot itself stays in report_version). */
    public record Summary(int version, ReportState state, String closedBy, Instant closedAt, String publishedBy,
                          Instant publishedAt, String reopenedBy, Instant reopenedAt, String reopenReason) {
    }

    private static Summary summary(ReportVersion version) {
        return new Summary(version.number, version.state(), version.closedBy, version.closedAt, version.publishedBy,
                version.publishedAt, version.reopenedBy, version.reopenedAt, version.reopenReason);
    }

    private ReportingPlan writable(UUID planId) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        access.requireWrite(plan.unitId);
        return plan;
    }

    private static String link(UUID planId, Period period, int number) {
        return "/api/reports/" + planId + "/" + period + "?version=" + number;
    }

    private PeriodReport frozen(ReportVersion version) {
        try {
            return json.readValue(version.snapshot, PeriodReport.class).as(version.state() == ReportState.OPEN
                    ? ReportState.CLOSED : version.state(), version.number);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report version " + version.id + " holds an unreadable snapshot", e);
        }
    }

    private String write(PeriodReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON", e);
        }
    }
}
