package se.styrning.followup;

import jakarta.persistence.Embeddable;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** One period of a follow-up calendar and its deadlines: the last day for each step. */
@Embeddable
@Schema(name = "PeriodDeadlines", description = "A period followed up and the last day of each of its steps")
public record PeriodDeadlines(
        @Schema(description = "2017-11 (month), 2021-T1 (tertial) or 2019 (year)", example = "2017-11") String period,
        @Schema(description = "Status reports and their comments on activities", example = "2017-12-05") LocalDate statusReports,
        @Schema(description = "Assessments of assignments and indicator outcomes", example = "2017-12-08") LocalDate assessments,
        @Schema(description = "Approval of the follow-up", example = "2017-12-12") LocalDate approval) {

    public LocalDate deadline(DeadlineKind kind) {
        return switch (kind) {
            case STATUS_REPORTS -> statusReports;
            case ASSESSMENTS -> assessments;
            case APPROVAL -> approval;
        };
    }
}
