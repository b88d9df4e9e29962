package se.styrning.plan.event;

import java.util.UUID;

/**
 * A focus area, assignment, activity or indicator was deleted from a DRAFT plan. One record, four types:
 * {@code focus-area-removed.v1}, {@code assignment-removed.v1}, {@code activity-removed.v1},
 * {@code indicator-removed.v1}. Key: plan id.
 */
public record PlanContentRemoved(UUID id, UUID planId) {

    public static final String FOCUS_AREA = "se.styrning.plan.focus-area-removed.v1";
    public static final String ASSIGNMENT = "se.styrning.plan.assignment-removed.v1";
    public static final String ACTIVITY = "se.styrning.plan.activity-removed.v1";
    public static final String INDICATOR = "se.styrning.plan.indicator-removed.v1";
}
