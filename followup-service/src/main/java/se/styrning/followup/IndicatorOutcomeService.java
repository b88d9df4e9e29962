package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import se.styrning.followup.readmodel.ReportingIndicator;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.report.IndicatorSection;
import se.styrning.platform.change.Change;
import se.styrning.platform.change.Changes;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Registers indicator outcomes (by hand, or from Kolada through {@link KoladaImport}): for the plan's unit, in the
 * plan's year, audited and published as indicator-outcome-recorded. The same values again (5.2 and 5.20 are the same)
 * change, audit and publish nothing.
 */
@ApplicationScoped
public class IndicatorOutcomeService {

    private final Changes changes;
    private final UnitAccess access;
    private final CurrentSubject subject;
    private final Clock clock;

    IndicatorOutcomeService(Changes changes, UnitAccess access, CurrentSubject subject, Clock clock) {
        this.changes = changes;
        this.access = access;
        this.subject = subject;
        this.clock = clock;
    }

    public record Result(IndicatorOutcome outcome, boolean created) {
    }

    public static ReportingIndicator indicator(UUID indicatorId) {
        return ReportingIndicator.<ReportingIndicator>findByIdOptional(indicatorId)
                .orElseThrow(() -> ProblemException.notFound("Indicator", indicatorId));
    }

    @Transactional
    public Result record(UUID indicatorId, Period period, BigDecimal total, BigDecimal women, BigDecimal men, String ifMatch) {
        ReportingIndicator indicator = indicator(indicatorId);
        ReportingPlan plan = writablePlan(indicator.planId);
        return record(indicator, plan, period, total, women, men, ifMatch, "MANUAL");
    }

    ReportingPlan writablePlan(UUID planId) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        access.requireWrite(plan.unitId);
        return plan;
    }

    Result record(ReportingIndicator indicator, ReportingPlan plan, Period period, BigDecimal total,
                  BigDecimal women, BigDecimal men, String ifMatch, String source) {
        if (period.year() != plan.year) {
            throw ProblemException.invalidField("period", "the plan is for " + plan.year + "; " + period + " is not in it");
        }
        if (IndicatorSection.BUDGET.equals(indicator.source)) {
            throw ProblemException.conflict("Indicator " + indicator.name + " is read from budget-service's outcomes, not registered");
        }
        if (indicator.genderSplit && (women == null || men == null)) {
            throw new ProblemException(Problem.invalid("Indicator " + indicator.name + " is split by gender",
                    List.of(new Problem.FieldError(women == null ? "women" : "men", "is required for a gender-split indicator"))));
        }
        if (!indicator.genderSplit && (women != null || men != null)) {
            throw ProblemException.invalidField(women != null ? "women" : "men", "only a gender-split indicator has values per gender");
        }
        IndicatorOutcome outcome = IndicatorOutcome.find(indicator.id, period).orElse(null);
        if (outcome != null) {
            Versions.checkMatch(ifMatch, outcome.version);
            if (same(outcome.total, total) && same(outcome.women, women) && same(outcome.men, men)) {
                return new Result(outcome, false);
            }
        }
        boolean created = outcome == null;
        IndicatorOutcome.State before = created ? null : outcome.state();
        if (created) {
            outcome = new IndicatorOutcome();
            outcome.id = UUID.randomUUID();
            outcome.indicatorId = indicator.id;
            outcome.planId = plan.id;
            outcome.period = period.toString();
        }
        outcome.total = IndicatorOutcome.exact(total);
        outcome.women = IndicatorOutcome.exact(women);
        outcome.men = IndicatorOutcome.exact(men);
        outcome.source = source;
        outcome.recordedBy = subject.name();
        outcome.recordedAt = Instant.now(clock);
        outcome.persistAndFlush();
        changes.record(Change.saved("indicator-outcome", outcome.id, before, outcome.state()),
                outcome.recorded(plan.unitId));
        return new Result(outcome, created);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
