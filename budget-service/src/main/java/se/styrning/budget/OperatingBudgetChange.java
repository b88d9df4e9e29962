package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One state an operating budget has had: created, edited as a draft, adopted, or revised with a reason. */
@Entity
@Table(name = "operating_budget_history")
public class OperatingBudgetChange extends PanacheEntityBase {

    @Schema(name = "BudgetChangeKind", description = "CREATED, UPDATED (as a draft), ADOPTED or REVISED (with a reason)")
    public enum Kind { CREATED, UPDATED, ADOPTED, REVISED }

    @Id
    public UUID id;
    public UUID budgetId;
    public int number;
    @Enumerated(EnumType.STRING)
    public Kind change;
    public BigDecimal revenue;
    public BigDecimal staffCosts;
    public BigDecimal otherCosts;
    public String reason;
    public LocalDate effectiveDate;
    public String changedBy;
    public Instant changedAt;

    public static List<OperatingBudgetChange> of(UUID budgetId) {
        return list("budgetId = ?1 order by number", budgetId);
    }

    static OperatingBudgetChange record(OperatingBudget budget, Kind kind, String reason, LocalDate effectiveDate,
                                        String by, Instant at) {
        OperatingBudgetChange change = new OperatingBudgetChange();
        change.id = UUID.randomUUID();
        change.budgetId = budget.id;
        change.number = (int) count("budgetId", budget.id) + 1;
        change.change = kind;
        change.revenue = budget.revenue;
        change.staffCosts = budget.staffCosts;
        change.otherCosts = budget.otherCosts;
        change.reason = reason;
        change.effectiveDate = effectiveDate;
        change.changedBy = by;
        change.changedAt = at;
        change.persist();
        return change;
    }

    public AccountClasses amounts() {
        return new AccountClasses(revenue, staffCosts, otherCosts);
    }
}
