package se.styrning.followup.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static se.styrning.platform.inbox.RequiredFields.require;

/** followup-service's own copies of the plan.events it reads: only the fields it uses. */
final class PlanEvents {

    static final String PREFIX = "se.styrning.plan.";

    private PlanEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UnitUpserted(UUID unitId, String code, String name, String kind, UUID parentId, long version) {
        static final String TYPE = PREFIX + "unit-upserted.v1";

        UnitUpserted {
            require("unitId", unitId, "code", code, "name", name, "kind", kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanUpserted(UUID planId, UUID unitId, int year, String title, String status, String adoptedBy,
                        LocalDate adoptedOn, long version) {
        static final String TYPE = PREFIX + "plan-upserted.v1";

        PlanUpserted {
            require("planId", planId, "unitId", unitId, "title", title, "status", status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FocusAreaUpserted(UUID focusAreaId, UUID planId, String code, String title, String description, int position,
                             long version) {
        static final String TYPE = PREFIX + "focus-area-upserted.v1";

        FocusAreaUpserted {
            require("focusAreaId", focusAreaId, "planId", planId, "code", code, "title", title);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssignmentUpserted(UUID assignmentId, UUID planId, UUID focusAreaId, String number, String title,
                              String description, String kind, UUID parentAssignmentId, int position, long version) {
        static final String TYPE = PREFIX + "assignment-upserted.v1";

        AssignmentUpserted {
            require("assignmentId", assignmentId, "planId", planId, "focusAreaId", focusAreaId, "number", number, "title", title, "kind", kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivityUpserted(UUID activityId, UUID planId, UUID assignmentId, UUID parentActivityId, String title,
                            String description, UUID responsibleUnitId, LocalDate startDate, LocalDate endDate,
                            boolean project, String sourceReference, boolean cancelled, int position, long version) {
        static final String TYPE = PREFIX + "activity-upserted.v1";

        ActivityUpserted {
            require("activityId", activityId, "planId", planId, "assignmentId", assignmentId, "title", title);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivityStatusChanged(UUID activityId, UUID planId, String previousStatus, String status, String comment,
                                 boolean commentMissing, LocalDate effectiveDate, String changedBy, Instant changedAt) {
        static final String TYPE = PREFIX + "activity-status-changed.v1";

        ActivityStatusChanged {
            require("activityId", activityId, "planId", planId, "previousStatus", previousStatus, "status", status, "effectiveDate", effectiveDate, "changedBy", changedBy, "changedAt", changedAt);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IndicatorUpserted(UUID indicatorId, UUID planId, String name, String description, String category,
                             String level, String unit, String direction, String frequency,
                             boolean genderSplit, String externalCode, String source, int position, long version) {
        static final String TYPE = PREFIX + "indicator-upserted.v1";

        IndicatorUpserted {
            require("indicatorId", indicatorId, "planId", planId, "name", name, "category", category, "level", level, "unit", unit, "direction", direction, "frequency", frequency, "source", source);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IndicatorTargetSet(UUID indicatorId, UUID planId, int year, BigDecimal total, BigDecimal women, BigDecimal men) {
        static final String TYPE = PREFIX + "indicator-target-set.v1";

        IndicatorTargetSet {
            require("indicatorId", indicatorId, "total", total);
        }
    }

    /** focus-area-removed, assignment-removed, activity-removed, indicator-removed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Removed(UUID id, UUID planId) {
        static final String FOCUS_AREA = PREFIX + "focus-area-removed.v1";
        static final String ASSIGNMENT = PREFIX + "assignment-removed.v1";
        static final String ACTIVITY = PREFIX + "activity-removed.v1";
        static final String INDICATOR = PREFIX + "indicator-removed.v1";

        Removed {
            require("id", id);
        }
    }
}
