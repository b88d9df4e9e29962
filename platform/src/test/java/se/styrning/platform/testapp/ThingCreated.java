package se.styrning.platform.testapp;

import java.math.BigDecimal;
import java.util.UUID;

public record ThingCreated(UUID id, String name, BigDecimal amount) {
    public static final String TYPE = "se.styrning.platformtest.thing-created.v1";
}
