package se.styrning.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.styrning.budget.event.InvestmentOutcomeRegistered;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An investment project's figures for a month: spent so far in the year (utfall) and the forecast for the whole year
 * (prognos), both in SEK. Against the year's budget amount they give the investment forecast deviation.
 */
@Entity
@Table(name = "investment_outcome")
public class InvestmentOutcome extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID investmentId;
    /** The first day of the month. */
    public LocalDate month;
    public BigDecimal spentYtd;
    public BigDecimal forecast;
    public String comment;
    @Version
    public long version;
    public String registeredBy;
    public Instant registeredAt;

    public static Optional<InvestmentOutcome> find(UUID investmentId, YearMonth month) {
        return find("investmentId = ?1 and month = ?2", investmentId, month.atDay(1)).firstResultOptional();
    }

    static InvestmentOutcome create(UUID investmentId, YearMonth month) {
        InvestmentOutcome outcome = new InvestmentOutcome();
        outcome.id = UUID.randomUUID();
        outcome.investmentId = investmentId;
        outcome.month = month.atDay(1);
        return outcome;
    }

    boolean sameAs(BigDecimal spent, BigDecimal yearForecast, String text) {
        return spentYtd.compareTo(spent) == 0 && forecast.compareTo(yearForecast) == 0 && Objects.equals(comment, text);
    }

    void set(BigDecimal spent, BigDecimal yearForecast, String text, String by, Instant at) {
        spentYtd = Sek.exact(spent);
        forecast = Sek.exact(yearForecast);
        comment = text;
        registeredBy = by;
        registeredAt = at;
    }

    /** The event of this registration: the year's budget beside it, and the deviation budget − forecast. */
    public InvestmentOutcomeRegistered registered(Investment investment) {
        YearMonth yearMonth = YearMonth.from(month);
        BigDecimal budget = investment.amountFor(yearMonth.getYear());
        return new InvestmentOutcomeRegistered(id, investmentId, investment.ownerUnitId, yearMonth.toString(), spentYtd,
                forecast, budget, budget.subtract(forecast), comment, version, registeredBy, registeredAt);
    }
}
