package se.styrning.followup.readmodel;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** An investment project as budget-service last published it: its amount per year in SEK. */
@Entity
@Table(name = "reporting_investment")
public class ReportingInvestment extends Replica {

    public String name;
    public UUID ownerUnitId;
    @Column(name = "investment_group")
    public String group;
    public String kind;
    public BigDecimal totalProjectBudget;
    /** The order the projects arrived in, which is the order they were entered (the database numbers them). */
    @Column(insertable = false, updatable = false)
    public Long received;

    @ElementCollection
    @CollectionTable(name = "reporting_investment_amount", joinColumns = @JoinColumn(name = "investment_id"))
    @MapKeyColumn(name = "year")
    @Column(name = "amount")
    public Map<Integer, BigDecimal> amounts = new HashMap<>();
}
