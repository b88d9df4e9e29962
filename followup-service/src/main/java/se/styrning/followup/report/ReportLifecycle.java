package se.styrning.followup.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import se.styrning.followup.Period;
import se.styrning.followup.ReadAccess;
import se.styrning.followup.WorkItem;
import se.styrning.followup.WorkList;
import se.styrning.followup.WorkOverview;
import se.styrning.followup.event.ReportApproved;
import se.styrning.followup.event.ReportReady;
import se.styrning.followup.event.ReportReopened;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A follow-up's life: OPEN (the report follows the events) → READY (the plan's unit marked its input complete) →
 * APPROVED (by a controller of the unit or a unit above it) → CLOSED (frozen as a numbered snapshot that later events
 * do not change; allowed from OPEN, READY and APPROVED) → PUBLISHED (only a version closed when APPROVED). Reopening,
 * with a reason, makes any of them OPEN again, clears the sign-off, and the next close makes a new version. Each step
 * locks the follow-up's sign-off row first, so two steps on one follow-up never interleave.
 */
@ApplicationScoped
public class ReportLifecycle {

    private static final String ENTITY = "report";

    private final PeriodReports reports;
    private final WorkList work;
    private final Changes changes;
    private final UnitAccess access;
    private final CurrentSubject subject;
    private final Snapshots snapshots;
    private final EntityManager entityManager;
    private final Clock clock;
    private final FollowupLocks locks;
    private final ReportTexts texts;
    private final ReadAccess reading;

    ReportLifecycle(PeriodReports reports, WorkList work, Changes changes, UnitAccess access,
                    CurrentSubject subject, Snapshots snapshots, EntityManager entityManager, Clock clock,
                    FollowupLocks locks, ReportTexts texts, ReadAccess reading) {
        this.reports = reports;
        this.work = work;
        this.changes = changes;
        this.access = access;
        this.subject = subject;
        this.snapshots = snapshots;
        this.entityManager = entityManager;
        this.clock = clock;
        this.locks = locks;
        this.texts = texts;
        this.reading = reading;
    }

    /**
     * The report as the follow-up stands: frozen when closed or published, live otherwise; or a given version. A
     * version once published is anyone's to read; the rest only {@link ReadAccess}'s.
     */
    @Transactional
    public PeriodReport report(UUID planId, Period period, Integer version) {
        // nothing here changes, so the commit need not flush (check) every row the report read
        entityManager.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
        if (version != null) {
            ReportVersion frozen = ReportVersion.number(planId, period, version)
                    .orElseThrow(() -> ProblemException.notFound("Version " + version + " of the report", planId + "/" + period));
            if (frozen.publishedAt == null) {
                readable(planId);
            }
            return frozen(frozen);
        }
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        if (latest == null || latest.state() != ReportState.PUBLISHED) {
            readable(planId);
        }
        if (latest != null && latest.state() != ReportState.OPEN) {
            return frozen(latest);
        }
        return live(planId, period, ReportSignOff.find(planId, period).orElse(null));
    }

    /** The newest version ever published (a later reopening does not unpublish it), or the given one if published. */
    @Transactional
    public Optional<PeriodReport> published(UUID planId, Period period, Integer version) {
        entityManager.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
        return (version == null ? ReportVersion.latestPublished(planId, period) : ReportVersion.number(planId, period, version))
                .filter(frozen -> frozen.publishedAt != null)
                .map(frozen -> frozen(frozen).as(ReportState.PUBLISHED, frozen.number));
    }

    @Transactional
    public ReportProgress ready(UUID planId, Period period) {
        ReportingPlan plan = writable(planId);
        if (period.year() != plan.year) {
            throw ProblemException.invalidField("period", "the plan is for " + plan.year + "; " + period + " is not in it");
        }
        ReportSignOff signOff = locks.plan(planId, period);
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        ReportState state = ReportSignOff.state(latest, signOff);
        if (state != ReportState.OPEN) {
            throw ProblemException.conflict("The follow-up is " + state + "; only an open follow-up is marked ready");
        }
        ReportSummary before = ReportSummary.of(latest, signOff, null);
        List<WorkItem> open = work.forPlan(planId, period);
        signOff.readyBy = subject.name();
        signOff.readyAt = clock.instant();
        changes.record(new Change("READY", ENTITY, planId + "/" + period, before, ReportSummary.of(latest, signOff, open)),
                new ReportReady(planId, plan.unitId, period.toString(), open.size(), byKind(open), path(planId, period),
                        signOff.readyBy, signOff.readyAt));
        return progress(plan, period, signOff, open);
    }

    @Transactional
    public ReportProgress approve(UUID planId, Period period) {
        ReportingPlan plan = writable(planId);
        ReportSignOff signOff = locks.plan(planId, period);
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        ReportState state = ReportSignOff.state(latest, signOff);
        if (state != ReportState.READY) {
            throw ProblemException.conflict("The follow-up is " + state + "; only a follow-up marked ready is approved"
                    + (state == ReportState.OPEN ? ": the plan's unit marks it ready first" : ""));
        }
        ReportSummary before = ReportSummary.of(latest, signOff, null);
        List<WorkItem> open = work.forPlan(planId, period);
        signOff.approvedBy = subject.name();
        signOff.approvedAt = clock.instant();
        changes.record(new Change("APPROVED", ENTITY, planId + "/" + period, before, ReportSummary.of(latest, signOff, open)),
                new ReportApproved(planId, plan.unitId, period.toString(), open.size(), byKind(open), path(planId, period),
                        signOff.readyBy, signOff.readyAt, signOff.approvedBy, signOff.approvedAt));
        return progress(plan, period, signOff, open);
    }

    @Transactional
    public PeriodReport close(UUID planId, Period period) {
        ReportingPlan plan = writable(planId);
        ReportSignOff signOff = locks.plan(planId, period);
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        if (latest != null && latest.state() != ReportState.OPEN) {
            throw ProblemException.conflict("The follow-up is " + latest.state() + " as version " + latest.number
                    + "; reopen it with a reason first");
        }
        int number = latest == null ? 1 : latest.number + 1;
        PeriodReport report = live(planId, period, signOff).as(ReportState.CLOSED, number);
        ReportVersion version = new ReportVersion();
        version.id = UUID.randomUUID();
        version.planId = planId;
        version.period = period.toString();
        version.number = number;
        version.snapshot = snapshots.write(report);
        version.readyBy = signOff.readyBy;
        version.readyAt = signOff.readyAt;
        version.approvedBy = signOff.approvedBy;
        version.approvedAt = signOff.approvedAt;
        version.closedBy = subject.name();
        version.closedAt = clock.instant();
        version.persist();
        changes.record(new Change("CLOSED", ENTITY, planId + "/" + period, ReportSummary.of(latest, signOff, null),
                ReportSummary.of(version, signOff, null)), version.closed(plan.unitId, report));
        return report;
    }

    @Transactional
    public PeriodReport reopen(UUID planId, Period period, String reason) {
        ReportingPlan plan = writable(planId);
        ReportSignOff signOff = locks.plan(planId, period);
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        ReportState state = ReportSignOff.state(latest, signOff);
        if (state == ReportState.OPEN) {
            throw ProblemException.conflict("The follow-up is open; there is nothing to reopen");
        }
        ReportSummary before = ReportSummary.of(latest, signOff, null);
        String by = subject.name();
        Instant at = clock.instant();
        String why = reason.strip();
        boolean frozen = state == ReportState.CLOSED || state == ReportState.PUBLISHED;
        if (frozen) {
            latest.reopenedBy = by;
            latest.reopenedAt = at;
            latest.reopenReason = why;
        }
        signOff.clear();
        changes.record(new Change("REOPENED", ENTITY, planId + "/" + period, before,
                        ReportSummary.of(latest, signOff, null).reopened(by, at, why)),
                new ReportReopened(planId, plan.unitId, period.toString(), state.name(), frozen ? latest.number : null, why,
                        path(planId, period), by, at));
        return reports.build(planId, period);
    }

    @Transactional
    public PeriodReport publish(UUID planId, Period period) {
        ReportingPlan plan = writable(planId);
        ReportSignOff signOff = locks.plan(planId, period);
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        ReportState state = ReportSignOff.state(latest, signOff);
        if (state != ReportState.CLOSED) {
            throw ProblemException.conflict(switch (state) {
                case PUBLISHED -> "The follow-up is already published as version " + latest.number;
                case APPROVED -> "The follow-up is APPROVED; publishing needs it closed first";
                case READY -> "The follow-up is READY; publishing needs it approved by a controller and closed first";
                default -> "The follow-up is OPEN; publishing needs it marked ready by the plan's unit, approved by a "
                        + "controller and closed first";
            });
        }
        if (latest.approvedAt == null) {
            throw ProblemException.conflict("Version " + latest.number + " was closed without approval; publishing needs "
                    + "an approved follow-up: reopen it with a reason, have the plan's unit mark it ready and a controller "
                    + "approve it, then close it again");
        }
        ReportSummary before = ReportSummary.of(latest, signOff, null);
        latest.publishedBy = subject.name();
        latest.publishedAt = clock.instant();
        PeriodReport report = frozen(latest);
        changes.record(new Change("PUBLISHED", ENTITY, planId + "/" + period, before, ReportSummary.of(latest, signOff, null)),
                latest.published(plan.unitId, report));
        return report;
    }

    /** The texts of the plan's report for the period: the frozen version's once closed, the written ones otherwise. */
    @Transactional
    public List<TextLine> texts(UUID planId, Period period) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        ReportVersion latest = ReportVersion.latest(planId, period).orElse(null);
        if (latest == null || latest.state() != ReportState.PUBLISHED) {
            reading.require(plan.unitId);
        }
        if (latest != null && latest.state() != ReportState.OPEN) {
            List<TextLine> frozen = frozen(latest).texts();
            return frozen == null ? List.of() : frozen;
        }
        return ReportTexts.lines(ReportText.Report.PLAN, planId, period, PeriodReports.areas(planId));
    }

    /** Writes a text section of the plan's report for the period, while it is not closed. */
    @Transactional
    public ReportTexts.Written writeText(UUID planId, Period period, TextSection section, String area, String text,
                                         String ifMatch) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        ReportSignOff signOff = locks.plan(planId, period);
        ReportState state = ReportSignOff.state(ReportVersion.latest(planId, period).orElse(null), signOff);
        return texts.write(new ReportTexts.Target(ReportText.Report.PLAN, planId, plan.unitId, period,
                PeriodReports.areas(planId), state), section, area, text, ifMatch);
    }

    private static ReportProgress progress(ReportingPlan plan, Period period, ReportSignOff signOff, List<WorkItem> open) {
        return new ReportProgress(plan.id, plan.unitId, period.toString(), ReportSignOff.state(null, signOff),
                signOff.readyBy, signOff.readyAt, signOff.approvedBy, signOff.approvedAt, open);
    }

    private static Map<String, Integer> byKind(List<WorkItem> items) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        WorkOverview.counts(items.stream().map(WorkItem::kind).toList()).forEach((kind, count) -> counts.put(kind.name(), count));
        return counts;
    }

    private ReportingPlan writable(UUID planId) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        access.requireWrite(plan.unitId);
        return plan;
    }

    private void readable(UUID planId) {
        reading.require(ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId)).unitId);
    }

    private PeriodReport live(UUID planId, Period period, ReportSignOff signOff) {
        PeriodReport report = reports.build(planId, period);
        return signOff == null ? report : report.signedOff(signOff.readyBy, signOff.readyAt, signOff.approvedBy,
                signOff.approvedAt).as(ReportSignOff.state(null, signOff), null);
    }

    private static String path(UUID planId, Period period) {
        return "/api/reports/" + planId + "/" + period;
    }

    private PeriodReport frozen(ReportVersion version) {
        return snapshots.read(version.snapshot, PeriodReport.class, version.id).as(version.state() == ReportState.OPEN
                ? ReportState.CLOSED : version.state(), version.number);
    }
}
