package se.styrning.plan.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import se.styrning.plan.FocusArea;

import java.util.UUID;

@Schema(description = "A focus area (fokusområde); ETag is its version")
public record FocusAreaResponse(UUID id, UUID planId, String code, String title, String description, int position,
                                long version) {
    public static FocusAreaResponse from(FocusArea area) {
        return new FocusAreaResponse(area.id, area.planId, area.code, area.title, area.description, area.position,
                area.version);
    }
}
