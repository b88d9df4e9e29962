package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.budget.event.OperatingBudgetUpserted;
import se.styrning.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A unit's operating budget (driftbudget) for a year. */
@Entity
@Table(name = "operating_budget")
public class OperatingBudget extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID unitId;
    public int year;
    public BigDecimal revenue;
    public BigDecimal staffCosts;
    public BigDecimal otherCosts;
    @Enumerated(EnumType.STRING)
    public BudgetStatus status;
    public LocalDate adoptedOn;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    public AccountClasses amounts() {
        return new AccountClasses(revenue, staffCosts, otherCosts);
    }

    void set(AccountClasses amounts, Instant now) {
        revenue = amounts.revenue();
        staffCosts = amounts.staffCosts();
        otherCosts = amounts.otherCosts();
        updatedAt = now;
    }

    static OperatingBudget create(UUID unitId, int year, AccountClasses amounts, Instant now) {
        OperatingBudget budget = new OperatingBudget();
        budget.id = UUID.randomUUID();
        budget.unitId = unitId;
        budget.year = year;
        budget.status = BudgetStatus.DRAFT;
        budget.createdAt = now;
        budget.set(amounts, now);
        return budget;
    }

    public OperatingBudgetUpserted upserted() {
        return new OperatingBudgetUpserted(id, unitId, year, revenue, staffCosts, otherCosts, amounts().netBudget(),
                status.name(), adoptedOn, version);
    }

    /** The OperatingBudget with this id, or a 404 problem. */
    public static OperatingBudget require(UUID id) {
        return OperatingBudget.<OperatingBudget>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Operating budget", id));
    }
}
