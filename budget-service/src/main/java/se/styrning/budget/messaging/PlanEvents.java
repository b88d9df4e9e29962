package se.styrning.budget.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

import static se.styrning.platform.inbox.RequiredFields.require;

/**
 * budget-service's own copy of the plan-service events it reads (tolerant of fields added later); each refuses, when
 * read, an event without a field it needs.
 */
public final class PlanEvents {

    public static final String PREFIX = "se.styrning.plan.";

    private PlanEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnitUpserted(UUID unitId, String code, String name, String kind, UUID parentId, long version) {
        public static final String TYPE = "se.styrning.plan.unit-upserted.v1";

        public UnitUpserted {
            require("unitId", unitId, "code", code, "name", name);
        }
    }
}
