package se.styrning.followup.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/** An indicator's target (målvärde) for a year, as plan-service last published it. */
@Entity
@Table(name = "reporting_indicator_target")
public class IndicatorTarget extends PanacheEntityBase {

    @Embeddable
    public record Key(UUID indicatorId, int year) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public BigDecimal total;
    public BigDecimal women;
    public BigDecimal men;

    public static Optional<IndicatorTarget> of(UUID indicatorId, int year) {
        return findByIdOptional(new Key(indicatorId, year));
    }
}
