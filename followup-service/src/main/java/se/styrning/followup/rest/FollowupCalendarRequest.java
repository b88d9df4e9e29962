package se.styrning.followup.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.PeriodDeadlines;

import java.time.LocalDate;
import java.util.List;

@Schema(description = "A follow-up calendar for a year: the periods followed up and their deadlines. A period left out is not followed up.")
public record FollowupCalendarRequest(@NotNull @Size(max = 16) @Valid List<@NotNull Deadlines> periods) {

    @Schema(name = "PeriodDeadlinesRequest",
            description = "A period (2017-11, 2021-T1, 2019) and the last day of each of its steps. Each deadline is after the "
                    + "period starts and at most a year after it ends; approval is not before the other two.")
    public record Deadlines(
            @NotNull @Schema(example = "2017-11") String period,
            @NotNull @Schema(description = "Status reports and their comments on activities", example = "2017-12-05") LocalDate statusReports,
            @NotNull @Schema(description = "Assessments of assignments and indicator outcomes", example = "2017-12-08") LocalDate assessments,
            @NotNull @Schema(description = "Approval of the follow-up", example = "2017-12-12") LocalDate approval) {

        PeriodDeadlines deadlines() {
            return new PeriodDeadlines(period, statusReports, assessments, approval);
        }
    }
}
