package se.styrning.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A JSON file holding an array of items, each kept with the line it starts on. A file that is not JSON fails
 * whole; an item that does not fit its type fails alone, and the others are loaded.
 */
final class JsonRows {

    private JsonRows() {
    }

    record Item<T>(int line, T value) {
        String where() {
            return "line " + line;
        }
    }

    static <T> List<Item<T>> read(Path file, Class<T> type, Consumer<String> badItem) throws IOException {
        List<Item<T>> items = new ArrayList<>();
        try (JsonParser parser = Gateway.JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new RowProblem("line " + parser.currentLocation().getLineNr() + ": the file must hold a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                int line = parser.currentLocation().getLineNr();
                JsonNode node = parser.readValueAsTree();
                try {
                    items.add(new Item<>(line, Gateway.JSON.treeToValue(node, type)));
                } catch (JsonProcessingException e) {
                    badItem.accept("line " + line + ": " + e.getOriginalMessage());
                }
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new RowProblem("line " + parser.currentLocation().getLineNr() + ": each item must be a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new RowProblem("line " + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
        return items;
    }

    static JsonNode tree(Path file) throws IOException {
        try {
            return Gateway.JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new RowProblem("line " + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new RowProblem(field + " is missing");
        }
        return value;
    }
}
