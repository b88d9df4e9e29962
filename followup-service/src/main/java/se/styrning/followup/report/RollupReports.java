package se.styrning.followup.report;

import io.micrometer.core.annotation.Timed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.styrning.followup.Period;
import se.styrning.followup.WorkRows;
import se.styrning.followup.readmodel.ReportingActivity;
import se.styrning.followup.readmodel.ReportingFocusArea;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;
import se.styrning.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a unit's roll-up report from the reports of the plans under it: each plan as its own follow-up stands (the
 * frozen version once closed, live otherwise), so the roll-up shows what each unit reported. Refused, like a plan's
 * report, when its plans together hold more than {@code styrning.reports.max-activities} activities.
 */
@ApplicationScoped
public class RollupReports {

    private static final Set<ReportState> SIGNED_OFF = EnumSet.of(ReportState.APPROVED, ReportState.CLOSED, ReportState.PUBLISHED);
    private static final Set<Period.Kind> ASSESSED = EnumSet.of(Period.Kind.TERTIAL, Period.Kind.YEAR);

    private final ReportLifecycle plans;
    private final PeriodReports reports;
    private final EntityManager entityManager;
    private final long maxActivities;

    RollupReports(ReportLifecycle plans, PeriodReports reports, EntityManager entityManager,
                  @ConfigProperty(name = "styrning.reports.max-activities", defaultValue = "50000") long maxActivities) {
        this.plans = plans;
        this.reports = reports;
        this.entityManager = entityManager;
        this.maxActivities = maxActivities;
    }

    @Timed(value = "styrning.report.build", extraTags = {"kind", "rollup"}, histogram = true,
            description = "Time to build a report from the read model")
    public RollupReport build(UUID unitId, Period period) {
        // a plan's report leaves the session not flushing (nothing of it changes); a close writes after the build
        Session session = entityManager.unwrap(Session.class);
        FlushMode flushMode = session.getHibernateFlushMode();
        try {
            return build(ReportingUnit.<ReportingUnit>findByIdOptional(unitId)
                    .orElseThrow(() -> ProblemException.notFound("Unit", unitId)), period);
        } finally {
            session.setHibernateFlushMode(flushMode);
        }
    }

    private RollupReport build(ReportingUnit top, Period period) {
        UUID unitId = top.id;
        List<WorkRows.Below> subtree = WorkRows.subtree(entityManager, unitId);
        Map<UUID, ReportingUnit> units = ReportingUnit.<ReportingUnit>list("id in ?1", subtree.stream().map(WorkRows.Below::id).toList())
                .stream().collect(Collectors.toMap(unit -> unit.id, Function.identity()));
        Map<UUID, List<ReportingPlan>> plansByUnit = plans(units.keySet(), period).stream()
                .collect(Collectors.groupingBy(plan -> plan.unitId));
        List<UUID> planIds = plansByUnit.values().stream().flatMap(List::stream).map(plan -> plan.id).toList();
        long activityCount = planIds.isEmpty() ? 0 : ReportingActivity.count("planId in ?1", planIds);
        if (activityCount > maxActivities) {
            throw ProblemException.tooLarge("The plans under the unit have " + activityCount + " activities; a report holds "
                    + "at most " + maxActivities + " (styrning.reports.max-activities)");
        }

        Map<String, Long> total = zeroCounts();
        List<RollupReport.UnitStatus> unitLines = new ArrayList<>();
        List<RollupReport.RollupPlan> planLines = new ArrayList<>();
        List<RollupReport.UnitExceptions> exceptions = new ArrayList<>();
        List<RollupReport.AssessmentLine> assessments = new ArrayList<>();
        List<RollupReport.PlanIndicators> indicators = new ArrayList<>();
        Map<UUID, PeriodReport> reportsByPlan = planReports(plansByUnit.values().stream().flatMap(List::stream).toList(), period);
        boolean approved = !planIds.isEmpty();
        for (WorkRows.Below below : subtree) {
            ReportingUnit unit = units.get(below.id());
            List<ReportingPlan> ofUnit = plansByUnit.getOrDefault(below.id(), List.of());
            if (unit == null || ofUnit.isEmpty()) {
                continue;
            }
            Map<String, Long> counts = zeroCounts();
            Map<String, RollupReport.AssignmentExceptions> byAssignment = new LinkedHashMap<>();
            for (ReportingPlan plan : ofUnit) {
                PeriodReport report = reportsByPlan.get(plan.id);
                report.activitiesByStatus().forEach((status, count) -> counts.merge(status, count, Long::sum));
                boolean planApproved = SIGNED_OFF.contains(report.state()) && report.approvedAt() != null;
                approved &= planApproved;
                planLines.add(new RollupReport.RollupPlan(plan.id, plan.title, unit.id, unit.name, report.state(), planApproved,
                        report.version(), report.activitiesByStatus().values().stream().mapToLong(Long::longValue).sum(),
                        report.exceptions().size(), "/api/reports/" + plan.id + "/" + period
                        + (report.version() == null ? "" : "?version=" + report.version())));
                for (PeriodReport.ExceptionLine line : report.exceptions()) {
                    byAssignment.computeIfAbsent(plan.id + "/" + line.assignmentNumber() + "/" + line.assignmentTitle(),
                            key -> new RollupReport.AssignmentExceptions(plan.id, line.assignmentNumber(),
                                    line.assignmentTitle(), new ArrayList<>())).activities().add(line);
                }
                report.focusAreas().forEach(area -> assessed(plan, unit, area.assignments(), period, assessments));
                if (!report.indicators().isEmpty()) {
                    indicators.add(new RollupReport.PlanIndicators(plan.id, plan.title, unit.id, unit.name, report.indicators()));
                }
            }
            counts.forEach((status, count) -> total.merge(status, count, Long::sum));
            unitLines.add(new RollupReport.UnitStatus(unit.id, unit.name, below.depth(), counts));
            if (!byAssignment.isEmpty()) {
                exceptions.add(new RollupReport.UnitExceptions(unit.id, unit.name, List.copyOf(byAssignment.values())));
            }
        }
        return new RollupReport(approved ? ReportState.READY : ReportState.OPEN, null, Instant.now(), top.id, top.name,
                period.year(), period.toString(), period.end(), approved, total, unitLines, planLines, exceptions,
                assessments, indicators, EconomySection.of(unitId, period),
                ReportTexts.lines(ReportText.Report.ROLLUP, unitId, period, areas(planIds)));
    }

    /** The focus areas of the plans under the unit, each once by its code: the roll-up has an analysis text for each. */
    public List<ReportTexts.Area> areas(UUID unitId, Period period) {
        List<UUID> units = WorkRows.subtree(entityManager, unitId).stream().map(WorkRows.Below::id).toList();
        return areas(plans(units, period).stream().map(plan -> plan.id).toList());
    }

    private static List<ReportingPlan> plans(Collection<UUID> units, Period period) {
        return units.isEmpty() ? List.of() : ReportingPlan.list("unitId in ?1 and year = ?2 order by title, id", units, period.year());
    }

    private static List<ReportTexts.Area> areas(List<UUID> planIds) {
        if (planIds.isEmpty()) {
            return List.of();
        }
        Map<String, ReportTexts.Area> byCode = new LinkedHashMap<>();
        ReportingFocusArea.<ReportingFocusArea>list("planId in ?1 order by position, code", planIds)
                .forEach(area -> byCode.putIfAbsent(area.code, new ReportTexts.Area(area.code, area.title)));
        return List.copyOf(byCode.values());
    }

    /**
     * The plans' reports as their follow-ups stand: a closed plan's frozen version; the others built live, together,
     * with their sign-off, without the economy and texts the roll-up takes from its own unit.
     */
    private Map<UUID, PeriodReport> planReports(List<ReportingPlan> all, Period period) {
        List<UUID> ids = all.stream().map(plan -> plan.id).toList();
        Map<UUID, ReportVersion> latest = new HashMap<>();
        ReportVersion.<ReportVersion>list("planId in ?1 and period = ?2 order by number desc", ids, period.toString())
                .forEach(version -> latest.putIfAbsent(version.planId, version));
        Map<UUID, ReportSignOff> signOffs = new HashMap<>();
        ReportSignOff.<ReportSignOff>list("key.planId in ?1 and key.period = ?2", ids, period.toString())
                .forEach(signOff -> signOffs.put(signOff.key.planId(), signOff));
        List<ReportingPlan> open = all.stream().filter(plan -> !latest.containsKey(plan.id)
                || latest.get(plan.id).state() == ReportState.OPEN).toList();
        Map<UUID, PeriodReport> reports = new HashMap<>(this.reports.withoutEconomyAndTexts(open, period));
        reports.replaceAll((planId, report) -> {
            ReportSignOff signOff = signOffs.get(planId);
            return signOff == null ? report : report.signedOff(signOff.readyBy, signOff.readyAt, signOff.approvedBy,
                    signOff.approvedAt).as(ReportSignOff.state(null, signOff), null);
        });
        all.stream().filter(plan -> !reports.containsKey(plan.id))
                .forEach(plan -> reports.put(plan.id, plans.report(plan.id, period, null)));
        return reports;
    }

    /** The assignments assessed for the period; for a tertial or the year, the ones not assessed too. */
    private static void assessed(ReportingPlan plan, ReportingUnit unit, List<PeriodReport.AssignmentSection> assignments,
                                 Period period, List<RollupReport.AssessmentLine> into) {
        for (PeriodReport.AssignmentSection assignment : assignments) {
            if (assignment.fulfilment() != null || ASSESSED.contains(period.kind())) {
                into.add(new RollupReport.AssessmentLine(plan.id, unit.id, unit.name, assignment.number(),
                        assignment.title(), assignment.kind(), assignment.fulfilment(), assignment.assessment(),
                        assignment.commentMissing()));
            }
            assessed(plan, unit, assignment.assignments(), period, into);
        }
    }

    private static Map<String, Long> zeroCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        PeriodReports.STATUSES.forEach(status -> counts.put(status, 0L));
        return counts;
    }
}
