package se.styrning.followup.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A budget deviation beyond its threshold, open from its detection month until a resolution month. */
@Entity
@Table(name = "reporting_deviation")
public class ReportingDeviation extends Replica {

    public UUID costObjectId;
    public String figure;
    public LocalDate detectedMonth;
    public BigDecimal amount;
    public BigDecimal relativePercent;
    public BigDecimal absoluteThreshold;
    public BigDecimal relativeThreshold;
    public String comment;
    public boolean explanationMissing;
    public LocalDate resolvedMonth;
}
