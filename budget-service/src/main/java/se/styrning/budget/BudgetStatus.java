package se.styrning.budget;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operating budget is edited freely as a draft; once adopted it changes only by revision. */
@Schema(description = "DRAFT is edited freely; ADOPTED changes only by revision")
public enum BudgetStatus {
    DRAFT,
    ADOPTED
}
