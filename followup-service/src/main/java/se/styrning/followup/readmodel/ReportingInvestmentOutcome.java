package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** An investment project's figures for a month as budget-service last published them, in SEK. */
@Entity
@Table(name = "reporting_investment_outcome")
public class ReportingInvestmentOutcome extends Replica {

    public UUID investmentId;
    /** The first day of the month. */
    public LocalDate month;
    public BigDecimal spentYtd;
    public BigDecimal forecast;
    public String comment;
}
