package se.styrning.followup.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.followup.Period;
import se.styrning.followup.report.ReportState;

import java.time.LocalDate;

@Schema(description = "A follow-up period; with a plan, its follow-up's state and latest frozen version")
public record PeriodResponse(@Schema(description = "2017-11, 2021-T1 or 2019") String period, Period.Kind kind,
                             LocalDate start, LocalDate end,
                             @Schema(description = "With planId: OPEN, READY, APPROVED, CLOSED or PUBLISHED") ReportState state,
                             @Schema(description = "With planId: the latest frozen version, null if never closed") Integer version) {
}
