package se.styrning.followup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.readmodel.ReportingIndicator;
import se.styrning.followup.readmodel.ReportingPlan;
import se.styrning.followup.readmodel.ReportingUnit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Kolada's yearly values (api.kolada.se v2) for a plan's indicators, matched by the indicator's external code (the
 * KPI id). Kolada names a municipality or region by its four-digit code (1380 Halmstad, 0013 Region Halland); a row
 * is taken only when that is the code of the plan's unit or of a unit above it, so the region's values reach every
 * administration's plan and another municipality's are refused. Refused rows, and values Kolada does not have
 * (null), are reported in the answer instead of stored.
 */
@ApplicationScoped
public class KoladaImport {

    static final String OTHER_MUNICIPALITY = "OTHER_MUNICIPALITY";
    static final String MISSING_VALUE = "MISSING_VALUE";

    private final IndicatorOutcomeService outcomes;
    private final FollowupUnitHierarchy units;

    KoladaImport(IndicatorOutcomeService outcomes, FollowupUnitHierarchy units) {
        this.outcomes = outcomes;
        this.units = units;
    }

    /** A KPI's values for a municipality or region and a year: T (total), K (kvinnor), M (män); null if Kolada has none. */
    public record KoladaRow(String kpi, String municipality, int period, BigDecimal total, BigDecimal women, BigDecimal men) {
    }

    @Schema(description = "What a Kolada import did")
    public record KoladaSummary(@Schema(description = "Values that matched an indicator: recorded or unchanged") int matched,
                                int recorded, int unchanged,
                                @Schema(description = "KPIs of the answer that no indicator of the plan has") List<String> unmatchedKpis,
                                @Schema(description = "Rows not imported, and why") List<KoladaSkipped> skipped) {
    }

    @Schema(description = "A row of Kolada's answer that was not imported")
    public record KoladaSkipped(String kpi, String municipality, int period,
                                @Schema(description = "OTHER_MUNICIPALITY: not the code of the plan's unit or a unit above "
                                        + "it; MISSING_VALUE: Kolada has no value (null) that the indicator needs") String reason,
                                String detail) {
    }

    @Transactional
    public KoladaSummary run(UUID planId, List<KoladaRow> rows) {
        ReportingPlan plan = outcomes.writablePlan(planId);
        Set<String> codes = codes(plan.unitId);
        List<ReportingIndicator> indicators = ReportingIndicator.list("planId", planId);
        int matched = 0;
        int recorded = 0;
        List<String> unmatched = new ArrayList<>();
        List<KoladaSkipped> skipped = new ArrayList<>();
        for (KoladaRow row : rows) {
            if (!codes.contains(row.municipality())) {
                skipped.add(new KoladaSkipped(row.kpi(), row.municipality(), row.period(), OTHER_MUNICIPALITY,
                        row.municipality() + " is not the code of the plan's unit or of a unit above it ("
                                + (codes.isEmpty() ? "none known yet" : String.join(", ", codes)) + ")"));
                continue;
            }
            List<ReportingIndicator> targets = indicators.stream().filter(i -> row.kpi().equals(i.externalCode)).toList();
            if (targets.isEmpty() && !unmatched.contains(row.kpi())) {
                unmatched.add(row.kpi());
            }
            for (ReportingIndicator indicator : targets) {
                String missing = missing(row, indicator);
                if (missing != null) {
                    skipped.add(new KoladaSkipped(row.kpi(), row.municipality(), row.period(), MISSING_VALUE, missing));
                    continue;
                }
                matched++;
                Period period = Period.parse(Integer.toString(row.period()), "values.period");
                IndicatorOutcome before = IndicatorOutcome.find(indicator.id, period).orElse(null);
                long version = before == null ? -1 : before.version;
                IndicatorOutcomeService.Result result = outcomes.record(indicator, plan, period, row.total(),
                        indicator.genderSplit ? row.women() : null, indicator.genderSplit ? row.men() : null, null, "KOLADA");
                if (result.created() || result.outcome().version != version) {
                    recorded++;
                }
            }
        }
        return new KoladaSummary(matched, recorded, matched - recorded, unmatched, skipped);
    }

    /** The codes of the unit and the units above it, as followup-service knows them, in order. */
    private Set<String> codes(UUID unitId) {
        return ReportingUnit.<ReportingUnit>list("id in ?1", units.unitAndAncestors(unitId)).stream()
                .map(unit -> unit.code).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String missing(KoladaRow row, ReportingIndicator indicator) {
        if (row.total() == null) {
            return "Kolada has no value for T (total)";
        }
        if (indicator.genderSplit && row.women() == null) {
            return "Kolada has no value for K (kvinnor), and the indicator is split by gender";
        }
        if (indicator.genderSplit && row.men() == null) {
            return "Kolada has no value for M (män), and the indicator is split by gender";
        }
        return null;
    }
}
