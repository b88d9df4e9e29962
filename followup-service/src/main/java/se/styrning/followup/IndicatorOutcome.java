package se.styrning.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.event.IndicatorOutcomeRecorded;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An indicator's outcome (utfall) for a period: the total and, for a gender-split indicator, women and men. */
@Entity
@Table(name = "indicator_outcome")
public class IndicatorOutcome extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID indicatorId;
    public UUID planId;
    public String period;
    public BigDecimal total;
    public BigDecimal women;
    public BigDecimal men;
    public String source;
    @Version
    public long version;
    public String recordedBy;
    public Instant recordedAt;

    public static Optional<IndicatorOutcome> find(UUID indicatorId, Period period) {
        return find("indicatorId = ?1 and period = ?2", indicatorId, period.toString()).firstResultOptional();
    }

    /** Values keep the column's four decimals, so the API, the event and the database say the same. */
    static BigDecimal exact(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    static final int SCALE = 4;

    /** The outcome as its event says it; the version is the one the flush gave it. */
    public IndicatorOutcomeRecorded recorded(UUID unitId) {
        return new IndicatorOutcomeRecorded(id, indicatorId, planId, unitId, period, total, women, men, source, version,
                recordedBy, recordedAt);
    }

    public State state() {
        return new State(id, indicatorId, planId, period, total, women, men, source, version, recordedBy, recordedAt);
    }

    @Schema(name = "IndicatorOutcome", description = "An indicator's outcome for a period; ETag is its version")
    public record State(UUID id, UUID indicatorId, UUID planId, String period, BigDecimal total, BigDecimal women,
                        BigDecimal men, @Schema(description = "MANUAL or KOLADA") String source, long version,
                        String recordedBy, Instant recordedAt) {
    }
}
