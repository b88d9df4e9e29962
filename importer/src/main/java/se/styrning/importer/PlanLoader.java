package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code plans/*.json}: each file one plan import document of plan-service ({@code POST /api/plans/import}).
 * A unit's plan for a year is created once; when it exists, the file changes nothing (the plan is then edited in
 * the system, not overwritten by the file). {@code adoptedBy} and {@code adoptedOn} beside the document, where the
 * plan prints who adopted it and when, adopt a draft plan ({@code POST /api/plans/{id}/adopt}).
 */
final class PlanLoader implements Loader {

    private final Gateway gateway;
    private final Registry registry;

    PlanLoader(Gateway gateway, Registry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "plans/*.json";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        byte[] content = Files.readAllBytes(file);
        JsonNode document = JsonRows.tree(file);
        Loader.each(java.util.List.of(document), d -> "plan " + d.path("unitCode").asText() + " " + d.path("year").asText(),
                d -> load(d, content), tally);
    }

    private Change load(JsonNode document, byte[] content) {
        String unitCode = JsonRows.required(document.path("unitCode").textValue(), "unitCode");
        if (!document.path("year").canConvertToInt()) {
            throw new RowProblem("year is missing");
        }
        int year = document.path("year").asInt();
        ObjectNode plan = document.deepCopy();
        JsonNode adoptedBy = plan.remove("adoptedBy");
        JsonNode adoptedOn = plan.remove("adoptedOn");
        boolean created = registry.findPlan(unitCode, year).isEmpty();
        if (created) {
            Gateway.expect(gateway.send("POST", "/api/plans/import", plan, null, "import-" + sha256(content)), 201);
        }
        boolean adopted = adoptIfAsked(adoptedBy, adoptedOn, registry.findPlan(unitCode, year)
                .orElseThrow(() -> new RowProblem("the plan was imported but is not listed")));
        return created ? Change.CREATED : adopted ? Change.UPDATED : Change.UNCHANGED;
    }

    /** Adopts a draft plan when the file says who adopted it and when; an adopted or closed plan stays as it is. */
    private boolean adoptIfAsked(JsonNode adoptedBy, JsonNode adoptedOn, JsonNode plan) {
        String by = adoptedBy == null || adoptedBy.isNull() ? null : adoptedBy.asText();
        String on = adoptedOn == null || adoptedOn.isNull() ? null : adoptedOn.asText();
        if (by == null && on == null || !"DRAFT".equals(plan.path("status").asText())) {
            return false;
        }
        JsonRows.required(by, "adoptedBy");
        JsonRows.required(on, "adoptedOn");
        Gateway.expect(gateway.send("POST", "/api/plans/" + plan.path("id").asText() + "/adopt",
                Map.of("adoptedBy", by, "adoptedOn", on), "\"" + plan.path("version").asLong() + "\"", null), 200);
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
