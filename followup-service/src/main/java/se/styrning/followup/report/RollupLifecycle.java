package se.styrning.followup.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import se.styrning.followup.Period;
import se.styrning.followup.ReadAccess;
import se.styrning.followup.event.RollupReopened;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A unit's roll-up's life: OPEN (built live from the plans' reports) or READY (every plan under the unit approved) →
 * CLOSED (frozen as a numbered snapshot) → PUBLISHED (only a version closed when READY). Reopening, with a reason,
 * makes a closed or published roll-up OPEN again; the next close makes a new version. Each step, and each text
 * written, holds the roll-up's lock.
 */
@ApplicationScoped
public class RollupLifecycle {

    private static final String ENTITY = "rollup-report";

    private final RollupReports reports;
    private final ReportTexts texts;
    private final FollowupLocks locks;
    private final Changes changes;
    private final UnitAccess access;
    private final CurrentSubject subject;
    private final Snapshots snapshots;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ReadAccess reading;

    RollupLifecycle(RollupReports reports, ReportTexts texts, FollowupLocks locks, Changes changes,
                    UnitAccess access, CurrentSubject subject, Snapshots snapshots, EntityManager entityManager,
                    Clock clock, ReadAccess reading) {
        this.reports = reports;
        this.texts = texts;
        this.locks = locks;
        this.changes = changes;
        this.access = access;
        this.subject = subject;
        this.snapshots = snapshots;
        this.entityManager = entityManager;
        this.clock = clock;
        this.reading = reading;
    }

    /**
     * The roll-up as it stands: frozen when closed or published, live otherwise; or a given version. A version once
     * published is anyone's to read; the rest only {@link ReadAccess}'s.
     */
    @Transactional
    public RollupReport report(UUID unitId, Period period, Integer version) {
        entityManager.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
        if (version != null) {
            RollupVersion frozen = RollupVersion.number(unitId, period, version).orElseThrow(() ->
                    ProblemException.notFound("Version " + version + " of the roll-up report", unitId + "/" + period));
            if (frozen.publishedAt == null) {
                readable(unitId);
            }
            return frozen(frozen);
        }
        RollupVersion latest = RollupVersion.latest(unitId, period).orElse(null);
        if (latest == null || latest.state() != ReportState.PUBLISHED) {
            readable(unitId);
        }
        return latest != null && latest.state() != ReportState.OPEN ? frozen(latest) : reports.build(unitId, period);
    }

    /** The newest version ever published (a later reopening does not unpublish it), or the given one if published. */
    @Transactional
    public Optional<RollupReport> published(UUID unitId, Period period, Integer version) {
        entityManager.unwrap(Session.class).setHibernateFlushMode(FlushMode.MANUAL);
        return (version == null ? RollupVersion.latestPublished(unitId, period) : RollupVersion.number(unitId, period, version))
                .filter(frozen -> frozen.publishedAt != null)
                .map(frozen -> frozen(frozen).as(ReportState.PUBLISHED, frozen.number));
    }

    @Transactional
    public RollupReport close(UUID unitId, Period period) {
        writable(unitId);
        locks.rollup(unitId, period);
        RollupVersion latest = RollupVersion.latest(unitId, period).orElse(null);
        if (latest != null && latest.state() != ReportState.OPEN) {
            throw ProblemException.conflict("The roll-up is " + latest.state() + " as version " + latest.number
                    + "; reopen it with a reason first");
        }
        int number = latest == null ? 1 : latest.number + 1;
        RollupReport report = reports.build(unitId, period).as(ReportState.CLOSED, number);
        RollupVersion version = new RollupVersion();
        version.id = UUID.randomUUID();
        version.unitId = unitId;
        version.period = period.toString();
        version.number = number;
        version.snapshot = snapshots.write(report);
        version.plansApproved = report.plansApproved();
        version.closedBy = subject.name();
        version.closedAt = clock.instant();
        version.persist();
        changes.record(new Change("CLOSED", ENTITY, unitId + "/" + period, latest == null ? null : latest.summary(),
                version.summary()), version.closed(report));
        return report;
    }

    @Transactional
    public RollupReport publish(UUID unitId, Period period) {
        writable(unitId);
        locks.rollup(unitId, period);
        RollupVersion latest = RollupVersion.latest(unitId, period).orElse(null);
        ReportState state = latest == null ? ReportState.OPEN : latest.state();
        if (state != ReportState.CLOSED) {
            throw ProblemException.conflict(state == ReportState.PUBLISHED
                    ? "The roll-up is already published as version " + latest.number
                    : "The roll-up is open; publishing needs every plan under the unit approved and the roll-up closed first");
        }
        RollupReport report = frozen(latest);
        if (!latest.plansApproved) {
            List<String> waiting = report.plans().stream().filter(plan -> !plan.approved())
                    .map(plan -> plan.title() + " (" + plan.unitName() + ", " + plan.state() + ")").toList();
            throw ProblemException.conflict("Version " + latest.number + " was closed before every plan under the unit "
                    + "was approved" + (waiting.isEmpty() ? "" : " (" + String.join("; ", waiting) + ")")
                    + ": reopen it with a reason, have each plan's follow-up approved, then close it again");
        }
        RollupVersion.Summary before = latest.summary();
        latest.publishedBy = subject.name();
        latest.publishedAt = clock.instant();
        report = frozen(latest);
        changes.record(new Change("PUBLISHED", ENTITY, unitId + "/" + period, before, latest.summary()),
                latest.published(report));
        return report;
    }

    @Transactional
    public RollupReport reopen(UUID unitId, Period period, String reason) {
        writable(unitId);
        locks.rollup(unitId, period);
        RollupVersion latest = RollupVersion.latest(unitId, period).orElse(null);
        if (latest == null || latest.state() == ReportState.OPEN) {
            throw ProblemException.conflict("The roll-up is open; there is nothing to reopen");
        }
        RollupVersion.Summary before = latest.summary();
        latest.reopenedBy = subject.name();
        latest.reopenedAt = clock.instant();
        latest.reopenReason = reason.strip();
        changes.record(new Change("REOPENED", ENTITY, unitId + "/" + period, before, latest.summary()),
                new RollupReopened(unitId, period.toString(), before.state().name(), latest.number, latest.reopenReason,
                        path(unitId, period), latest.reopenedBy, latest.reopenedAt));
        return reports.build(unitId, period);
    }

    /** The texts of the unit's roll-up for the period: the frozen version's once closed, the written ones otherwise. */
    @Transactional
    public List<TextLine> texts(UUID unitId, Period period) {
        RollupVersion latest = RollupVersion.latest(unitId, period).orElse(null);
        if (latest == null || latest.state() != ReportState.PUBLISHED) {
            readable(unitId);
        } else {
            ReportingUnit.findByIdOptional(unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        }
        if (latest != null && latest.state() != ReportState.OPEN) {
            return frozen(latest).texts();
        }
        return ReportTexts.lines(ReportText.Report.ROLLUP, unitId, period, reports.areas(unitId, period));
    }

    /** Writes a text section of the unit's roll-up for the period, while it is not closed. */
    @Transactional
    public ReportTexts.Written writeText(UUID unitId, Period period, TextSection section, String area, String text,
                                         String ifMatch) {
        ReportingUnit.findByIdOptional(unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        locks.rollup(unitId, period);
        RollupVersion latest = RollupVersion.latest(unitId, period).orElse(null);
        ReportState state = latest == null ? ReportState.OPEN : latest.state();
        return texts.write(new ReportTexts.Target(ReportText.Report.ROLLUP, unitId, unitId, period,
                        reports.areas(unitId, period), state),
                section, area, text, ifMatch);
    }

    private void readable(UUID unitId) {
        ReportingUnit.findByIdOptional(unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        reading.require(unitId);
    }

    private void writable(UUID unitId) {
        ReportingUnit.findByIdOptional(unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
        access.requireWrite(unitId);
    }

    private static String path(UUID unitId, Period period) {
        return "/api/rollup-reports/" + unitId + "/" + period;
    }

    private RollupReport frozen(RollupVersion version) {
        return snapshots.read(version.snapshot, RollupReport.class, version.id).as(version.state() == ReportState.OPEN
                ? ReportState.CLOSED : version.state(), version.number);
    }
}
