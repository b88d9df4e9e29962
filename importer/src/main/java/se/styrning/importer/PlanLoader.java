package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code plans/*.json}: each file one plan import document of plan-service ({@code POST /api/plans/import}).
 * A unit's plan for a year is created once; when it exists, the file changes nothing (the plan is then edited in
 * the system, not overwritten by the file).
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
        if (registry.findPlan(unitCode, document.path("year").asInt()).isPresent()) {
            return Change.UNCHANGED;
        }
        Gateway.expect(gateway.send("POST", "/api/plans/import", document, null, "import-" + sha256(content)), 201);
        return Change.CREATED;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
