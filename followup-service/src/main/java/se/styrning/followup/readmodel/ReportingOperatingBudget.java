package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A unit's operating budget for a year as budget-service last published it, in SEK (revenue negative). */
@Entity
@Table(name = "reporting_operating_budget")
public class ReportingOperatingBudget extends Replica {

    public UUID unitId;
    public int year;
    public BigDecimal revenue;
    public BigDecimal staffCosts;
    public BigDecimal otherCosts;
    public BigDecimal netBudget;
    public String status;
    public LocalDate adoptedOn;
}
