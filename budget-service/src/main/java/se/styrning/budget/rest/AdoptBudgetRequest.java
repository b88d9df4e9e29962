package se.styrning.budget.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Adopting a budget")
public record AdoptBudgetRequest(@NotNull @Schema(description = "The day it was adopted", example = "2020-12-07") LocalDate adoptedOn) {
}
