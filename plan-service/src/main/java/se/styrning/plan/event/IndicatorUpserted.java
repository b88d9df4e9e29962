package se.styrning.plan.event;

import java.util.UUID;

/** An indicator was created or changed; its whole definition (targets travel in indicator-target-set). Key: plan id. */
public record IndicatorUpserted(UUID indicatorId, UUID planId, String name, String description, String category,
                                String level, String unit, String direction, String frequency, boolean genderSplit,
                                String externalCode, String source, int position, long version) {

    public static final String TYPE = "se.styrning.plan.indicator-upserted.v1";
}
