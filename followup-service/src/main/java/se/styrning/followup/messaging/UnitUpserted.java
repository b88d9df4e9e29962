package se.styrning.followup.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** followup-service's copy of plan-service's {@code unit-upserted.v1}: only the fields it uses. */
@JsonIgnoreProperties(ignoreUnknown = true)
record UnitUpserted(UUID unitId, String code, String name, String kind, UUID parentId, long version) {

    static final String TYPE = "se.styrning.plan.unit-upserted.v1";
}
