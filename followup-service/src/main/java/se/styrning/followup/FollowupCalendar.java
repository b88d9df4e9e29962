package se.styrning.followup;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A follow-up calendar for a year: the region's default (neither unit nor plan), a unit's own (for it and the
 * units below it) or a plan's own. A period it leaves out is not followed up.
 */
@Entity
@Table(name = "followup_calendar")
public class FollowupCalendar extends PanacheEntityBase {

    @Id
    public UUID id;
    public int year;
    public UUID unitId;
    public UUID planId;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "followup_deadline", joinColumns = @JoinColumn(name = "calendar_id"))
    public List<PeriodDeadlines> periods = new ArrayList<>();
    @Version
    public long version;
    public String changedBy;
    public Instant changedAt;

    @Schema(description = "DEFAULT (the region's), UNIT (a unit's and the units' below it) or PLAN (one plan's)")
    public enum Scope { DEFAULT, UNIT, PLAN }

    /** The calendar of a year for exactly this scope: both null for the default, or a unit, or a plan. */
    public static Optional<FollowupCalendar> find(int year, UUID unitId, UUID planId) {
        if (planId != null) {
            return find("year = ?1 and planId = ?2", year, planId).firstResultOptional();
        }
        if (unitId != null) {
            return find("year = ?1 and unitId = ?2", year, unitId).firstResultOptional();
        }
        return find("year = ?1 and unitId is null and planId is null", year).firstResultOptional();
    }

    public Scope scope() {
        return planId != null ? Scope.PLAN : unitId != null ? Scope.UNIT : Scope.DEFAULT;
    }

    public Optional<PeriodDeadlines> deadlines(Period period) {
        return periods.stream().filter(deadlines -> deadlines.period().equals(period.toString())).findFirst();
    }

    /** The periods in the order of the year: the months, the tertials, the year. */
    public List<PeriodDeadlines> periodsInOrder() {
        List<String> order = Period.of(year).stream().map(Period::toString).toList();
        return periods.stream().sorted(Comparator.comparingInt(deadlines -> order.indexOf(deadlines.period()))).toList();
    }

    /** The calendar's state, as audited, answered and published. */
    public State state() {
        return new State(id, year, scope(), unitId, planId, periodsInOrder(), version, changedBy, changedAt);
    }

    @Schema(name = "FollowupCalendar", description = "A follow-up calendar for a year; ETag is its version")
    public record State(UUID id, int year, Scope scope,
                        @Schema(description = "The unit whose calendar it is (UNIT), else null") UUID unitId,
                        @Schema(description = "The plan whose calendar it is (PLAN), else null") UUID planId,
                        @Schema(description = "The periods followed up, in the order of the year") List<PeriodDeadlines> periods,
                        long version, String changedBy, Instant changedAt) {
    }
}
