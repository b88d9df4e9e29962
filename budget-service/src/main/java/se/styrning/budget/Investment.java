package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.budget.event.InvestmentUpserted;
import se.styrning.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** An investment project (seed 003 §5.2, seed 001 §4.2) with its budget per year. */
@Entity
@Table(name = "investment")
public class Investment extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public UUID ownerUnitId;
    @Enumerated(EnumType.STRING)
    @Column(name = "investment_group")
    public InvestmentGroup group;
    @Enumerated(EnumType.STRING)
    public InvestmentKind kind;
    public BigDecimal totalProjectBudget;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "investment_amount", joinColumns = @JoinColumn(name = "investment_id"))
    @OrderBy("year")
    public List<YearAmount> amounts = new ArrayList<>();
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    void set(String newName, UUID newOwner, InvestmentGroup newGroup, InvestmentKind newKind, BigDecimal total,
             List<YearAmount> newAmounts, Instant now) {
        name = newName;
        ownerUnitId = newOwner;
        group = newGroup;
        kind = newKind;
        totalProjectBudget = total;
        amounts.clear();
        newAmounts.stream().sorted(Comparator.comparingInt(a -> a.year)).forEach(amounts::add);
        updatedAt = now;
    }

    /** The budget amount for a year; zero when the project has none for it. */
    public BigDecimal amountFor(int year) {
        return amounts.stream().filter(a -> a.year == year).map(a -> a.amount).findFirst()
                .orElse(BigDecimal.ZERO.setScale(2));
    }

    static Investment create(Instant now) {
        Investment investment = new Investment();
        investment.id = UUID.randomUUID();
        investment.createdAt = now;
        return investment;
    }

    public InvestmentUpserted upserted() {
        return new InvestmentUpserted(id, name, ownerUnitId, group == null ? null : group.name(), kind.name(),
                totalProjectBudget, amounts.stream().map(a -> new InvestmentUpserted.Amount(a.year, a.amount)).toList(),
                version);
    }

    /** The Investment with this id, or a 404 problem. */
    public static Investment require(UUID id) {
        return Investment.<Investment>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Investment", id));
    }
}
