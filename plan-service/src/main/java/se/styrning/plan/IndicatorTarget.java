package se.styrning.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** An indicator's target value (målvärde) for a year; women and men beside the total when split by gender. */
@Entity
@Table(name = "indicator_target")
public class IndicatorTarget extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID indicatorId;
    public int year;
    public BigDecimal total;
    public BigDecimal women;
    public BigDecimal men;
    public String setBy;
    public Instant setAt;

    /** Values keep the column's four decimals, so the API, the events and the database say the same. */
    static BigDecimal exact(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    static final int SCALE = 4;
}
