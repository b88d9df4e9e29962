package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.platform.audit.Audit;
import se.styrning.platform.problem.Problem;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Versions;
import se.styrning.platform.security.CurrentSubject;
import se.styrning.platform.security.UnitAccess;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Registers indicator outcomes (by hand or from Kolada): for the plan's unit, in the plan's year, audited. */
@ApplicationScoped
public class IndicatorOutcomeService {

    private final Audit audit;
    private final UnitAccess access;
    private final CurrentSubject subject;

    IndicatorOutcomeService(Audit audit, UnitAccess access, CurrentSubject subject) {
        this.audit = audit;
        this.access = access;
        this.subject = subject;
    }

    public record Result(IndicatorOutcome outcome, boolean created) {
    }

    /** A value per gender from Kolada: T (total), K (kvinnor), M (män). */
    public record KoladaValue(String kpi, int period, BigDecimal total, BigDecimal women, BigDecimal men) {
    }

    @Schema(description = "What a Kolada import did")
    public record KoladaSummary(int matched, int recorded, int unchanged, List<String> unmatchedKpis) {
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

    /** Kolada's values for the plan's indicators, matched by their external code; yearly values. */
    @Transactional
    public KoladaSummary importKolada(UUID planId, List<KoladaValue> values) {
        ReportingPlan plan = writablePlan(planId);
        List<ReportingIndicator> indicators = ReportingIndicator.list("planId", planId);
        int matched = 0;
        int recorded = 0;
        List<String> unmatched = new ArrayList<>();
        for (KoladaValue value : values) {
            List<ReportingIndicator> targets = indicators.stream().filter(i -> value.kpi().equals(i.externalCode)).toList();
            if (targets.isEmpty()) {
                unmatched.add(value.kpi());
                continue;
            }
            for (ReportingIndicator indicator : targets) {
                matched++;
                Period period = Period.parse(Integer.toString(value.period()), "values.period");
                IndicatorOutcome before = IndicatorOutcome.find(indicator.id, period).orElse(null);
                long version = before == null ? -1 : before.version;
                Result result = record(indicator, plan, period, value.total(),
                        indicator.genderSplit ? value.women() : null, indicator.genderSplit ? value.men() : null, null, "KOLADA");
                if (result.created() || result.outcome().version != version) {
                    recorded++;
                }
            }
        }
        return new KoladaSummary(matched, recorded, matched - recorded, unmatched);
    }

    private ReportingPlan writablePlan(UUID planId) {
        ReportingPlan plan = ReportingPlan.<ReportingPlan>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        access.requireWrite(plan.unitId);
        return plan;
    }

    private Result record(ReportingIndicator indicator, ReportingPlan plan, Period period, BigDecimal total,
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
        outcome.total = total;
        outcome.women = women;
        outcome.men = men;
        outcome.source = source;
        outcome.recordedBy = subject.name();
        outcome.recordedAt = Instant.now();
        outcome.persistAndFlush();
        audit.record(created ? "CREATED" : "UPDATED", "indicator-outcome", outcome.id, before, outcome.state());
        return new Result(outcome, created);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
