package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The figures registered for a leaf cost object for one month (year to date, annual budget, forecast). */
@Entity
@Table(name = "outcome")
public class Outcome extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID costObjectId;
    /** The first day of the month. */
    public LocalDate month;
    public BigDecimal resultYtd;
    public BigDecimal budgetYtd;
    public BigDecimal annualBudget;
    public BigDecimal forecastResult;
    public String comment;
    public boolean explanationMissing;
    @Version
    public long version;
    public String registeredBy;
    public Instant registeredAt;

    public static Optional<Outcome> find(UUID costObjectId, YearMonth month) {
        return find("costObjectId = ?1 and month = ?2", costObjectId, month.atDay(1)).firstResultOptional();
    }

    /** Whether no later month is registered for the cost object, so this one states its current position. */
    public boolean isLatest() {
        return count("costObjectId = ?1 and month > ?2", costObjectId, month) == 0;
    }

    public YearMonth yearMonth() {
        return YearMonth.from(month);
    }

    public Figures figures() {
        return new Figures(resultYtd, budgetYtd, annualBudget, forecastResult);
    }

    boolean sameAs(Figures figures, String newComment) {
        return resultYtd.compareTo(figures.resultYtd()) == 0 && budgetYtd.compareTo(figures.budgetYtd()) == 0
                && annualBudget.compareTo(figures.annualBudget()) == 0
                && forecastResult.compareTo(figures.forecastResult()) == 0 && Objects.equals(comment, newComment);
    }

    void set(Figures figures, String newComment, String by, Instant at) {
        resultYtd = figures.resultYtd();
        budgetYtd = figures.budgetYtd();
        annualBudget = figures.annualBudget();
        forecastResult = figures.forecastResult();
        comment = newComment;
        registeredBy = by;
        registeredAt = at;
    }

    static Outcome create(UUID costObjectId, YearMonth month) {
        Outcome outcome = new Outcome();
        outcome.id = UUID.randomUUID();
        outcome.costObjectId = costObjectId;
        outcome.month = month.atDay(1);
        return outcome;
    }
}
