package se.styrning.plan.event;

import java.util.UUID;

/** A focus area was created or changed; its whole state. Key: plan id. */
public record FocusAreaUpserted(UUID focusAreaId, UUID planId, String code, String title, String description,
                                int position, long version) {

    public static final String TYPE = "se.styrning.plan.focus-area-upserted.v1";
}
