package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.ActivityStatus;

import java.time.LocalDate;
import java.util.UUID;

/** The status of an activity on a given date. */
@Schema(description = "The status of an activity on a date")
public record StatusAsOfResponse(UUID activityId, LocalDate asOf, ActivityStatus status) {
}
