package se.styrning.budget;

/** An operating budget is edited freely as a draft; once adopted it changes only by revision. */
public enum BudgetStatus {
    DRAFT,
    ADOPTED
}
