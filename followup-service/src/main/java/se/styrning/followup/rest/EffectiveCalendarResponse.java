package se.styrning.followup.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.FollowupCalendar;
import se.styrning.followup.PeriodDeadlines;

import java.util.List;
import java.util.UUID;

@Schema(description = "The calendar that holds for a plan (its own, else its unit's or the nearest above, else the "
        + "region's default) or for a unit (its own or the nearest above, else the default)")
public record EffectiveCalendarResponse(int year,
                                        @Schema(description = "The plan asked about, else null") UUID planId,
                                        @Schema(description = "The unit asked about, or the plan's unit") UUID unitId,
                                        @Schema(description = "The calendar that holds; null when none does, so there are no deadlines")
                                        Source source,
                                        @Schema(description = "Its periods and deadlines, in the order of the year") List<PeriodDeadlines> periods) {

    @Schema(name = "EffectiveCalendarSource", description = "Which calendar holds")
    public record Source(UUID calendarId, FollowupCalendar.Scope scope, UUID unitId, UUID planId, long version) {
    }
}
