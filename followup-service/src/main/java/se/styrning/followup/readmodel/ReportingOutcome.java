package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A leaf cost object's figures for a month (the first day of it), as last registered in budget-service. */
@Entity
@Table(name = "reporting_outcome")
public class ReportingOutcome extends Replica {

    public UUID costObjectId;
    public LocalDate month;
    public BigDecimal resultYtd;
    public BigDecimal budgetYtd;
    public BigDecimal annualBudget;
    public BigDecimal forecastResult;
    public BigDecimal costDevelopmentPercent;
    public String comment;
    public boolean explanationMissing;
}
