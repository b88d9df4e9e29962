package se.styrning.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the compatibility rule allows within a type, and what it does not. */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELEASED = """
            {"title":"t","type":"object","required":["id","status"],
             "properties":{"id":{"type":"string","format":"uuid"},
                           "status":{"enum":["DONE","ONGOING"]},
                           "amount":{"type":["number","null"]},
                           "lines":{"type":"array","items":{"type":"object","required":["name"],
                                    "properties":{"name":{"type":"string"}}}}}}""";

    @Test
    void optionalFieldsMayBeAddedAtAnyDepthAndTextsMayChange() {
        assertEquals(List.of(), breaks(RELEASED
                .replace("\"title\":\"t\"", "\"title\":\"better\",\"description\":\"d\"")
                .replace("\"amount\":{", "\"note\":{\"type\":\"string\"},\"amount\":{")
                .replace("\"name\":{\"type\":\"string\"}", "\"name\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\"}")));
    }

    @Test
    void everythingElseIsANewType() {
        assertEquals(List.of("t.amount: removed"), breaks(RELEASED.replace("\"amount\":{\"type\":[\"number\",\"null\"]},", "")));
        assertEquals(List.of("t.amount: \"type\" was [\"number\",\"null\"], is \"number\""),
                breaks(RELEASED.replace("[\"number\",\"null\"]", "\"number\"")));
        assertEquals(List.of("t.status: \"enum\" was [\"DONE\",\"ONGOING\"], is [\"DONE\",\"ONGOING\",\"PAUSED\"]"),
                breaks(RELEASED.replace("[\"DONE\",\"ONGOING\"]", "[\"DONE\",\"ONGOING\",\"PAUSED\"]")));
        assertEquals(List.of("t.status: no longer required"), breaks(RELEASED.replace("[\"id\",\"status\"]", "[\"id\"]")));
        assertEquals(List.of("t.amount: was optional, is required"),
                breaks(RELEASED.replace("[\"id\",\"status\"]", "[\"id\",\"status\",\"amount\"]")));
        assertEquals(List.of("t.note: a new field must be optional"), breaks(RELEASED
                .replace("\"amount\":{", "\"note\":{\"type\":\"string\"},\"amount\":{")
                .replace("[\"id\",\"status\"]", "[\"id\",\"status\",\"note\"]")));
        assertEquals(List.of("t.lines[].name: adds \"maxLength\": 10"),
                breaks(RELEASED.replace("\"name\":{\"type\":\"string\"}", "\"name\":{\"type\":\"string\",\"maxLength\":10}")));
        assertEquals(List.of("t: adds \"additionalProperties\": false"),
                breaks(RELEASED.replace("\"title\":\"t\",", "\"title\":\"t\",\"additionalProperties\":false,")));
    }

    private static List<String> breaks(String current) {
        try {
            JsonNode released = JSON.readTree(RELEASED);
            return SchemaCompatibility.breaks("t", released, JSON.readTree(current));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
