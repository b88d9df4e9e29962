package se.styrning.followup.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import se.styrning.platform.inbox.MalformedEventException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static se.styrning.platform.inbox.RequiredFields.require;

/**
 * followup-service's own copies of the budget-service events it reads (only the fields reports and plan documents use). {@code contracts/events/} keeps them honest.
 */
public final class BudgetEvents {

    public static final String PREFIX = "se.styrning.budget.";

    private BudgetEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CostObjectUpserted(UUID costObjectId, String code, String name, UUID unitId, UUID parentId,
                                     int position, long version) {
        public static final String TYPE = "se.styrning.budget.cost-object-upserted.v1";

        public CostObjectUpserted {
            require("costObjectId", costObjectId, "code", code, "name", name, "unitId", unitId);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OutcomeRegistered(UUID outcomeId, UUID costObjectId, List<UUID> ancestorIds, String month,
                                    BigDecimal resultYtd, BigDecimal budgetYtd, BigDecimal annualBudget,
                                    BigDecimal forecastResult, BigDecimal costDevelopmentPercent, String comment,
                                    boolean explanationMissing, long version) {
        public static final String TYPE = "se.styrning.budget.outcome-registered.v1";

        public OutcomeRegistered {
            require("outcomeId", outcomeId, "costObjectId", costObjectId, "resultYtd", resultYtd, "budgetYtd", budgetYtd, "annualBudget", annualBudget, "forecastResult", forecastResult);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OperatingBudgetUpserted(UUID budgetId, UUID unitId, Integer year, BigDecimal revenue, BigDecimal staffCosts,
                                          BigDecimal otherCosts, BigDecimal netBudget, String status, LocalDate adoptedOn,
                                          long version) {
        public static final String TYPE = "se.styrning.budget.operating-budget-upserted.v1";

        public OperatingBudgetUpserted {
            require("budgetId", budgetId, "unitId", unitId, "year", year, "revenue", revenue, "staffCosts", staffCosts, "otherCosts", otherCosts, "netBudget", netBudget, "status", status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvestmentUpserted(UUID investmentId, String name, UUID ownerUnitId, String group, String kind,
                                     BigDecimal totalProjectBudget, List<Amount> amounts, long version) {
        public static final String TYPE = "se.styrning.budget.investment-upserted.v1";

        public InvestmentUpserted {
            require("investmentId", investmentId, "name", name, "ownerUnitId", ownerUnitId, "kind", kind, "amounts", amounts);
            if (amounts.stream().anyMatch(Objects::isNull) || amounts.stream().map(Amount::year).distinct().count() != amounts.size()) {
                throw new MalformedEventException("has an empty amount or names a year twice in amounts");
            }
        }

        public record Amount(Integer year, BigDecimal amount) {

            public Amount {
                require("year", year, "amount", amount);
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvestmentOutcomeRegistered(UUID outcomeId, UUID investmentId, String month, BigDecimal spentYtd,
                                              BigDecimal forecast, String comment, long version) {
        public static final String TYPE = "se.styrning.budget.investment-outcome-registered.v1";

        public InvestmentOutcomeRegistered {
            require("outcomeId", outcomeId, "investmentId", investmentId, "spentYtd", spentYtd, "forecast", forecast);
        }
    }

    /**
     * The three deviation events: detected carries no {@code detectedMonth}, changed and resolved do; only changed
     * carries a {@code version} (detection is 0).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deviation(UUID deviationId, UUID costObjectId, String month, String figure, BigDecimal amount,
                            BigDecimal relativePercent, BigDecimal absoluteThreshold, BigDecimal relativeThreshold,
                            String comment, boolean explanationMissing, String detectedMonth, long version) {
        public static final String DETECTED = "se.styrning.budget.budget-deviation-detected.v1";
        public static final String CHANGED = "se.styrning.budget.budget-deviation-changed.v1";
        public static final String RESOLVED = "se.styrning.budget.budget-deviation-resolved.v1";

        public Deviation {
            require("deviationId", deviationId, "costObjectId", costObjectId, "figure", figure, "amount", amount);
        }
    }
}
