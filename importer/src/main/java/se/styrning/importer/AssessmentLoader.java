package se.styrning.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code assessments.csv}: how far each assignment was fulfilled in a period, with the analysis. */
final class AssessmentLoader implements Loader {

    static final List<String> COLUMNS = List.of("unit", "year", "assignment", "period", "fulfilment", "comment");

    private final FollowupWrites followup;
    private final Registry registry;

    AssessmentLoader(FollowupWrites followup, Registry registry) {
        this.followup = followup;
        this.registry = registry;
    }

    @Override
    public String pattern() {
        return "assessments.csv";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        Loader.each(Csv.read(file, COLUMNS), Csv.Row::where, this::load, tally);
    }

    private Change load(Csv.Row row) {
        String assignment = registry.assignmentId(row.required("unit"), row.year("year"), row.required("assignment"));
        String path = "/api/assessments/" + assignment + "/" + row.required("period");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fulfilment", row.required("fulfilment"));
        body.put("comment", row.optional("comment"));
        return followup.upsert(path, body, held -> held.path("fulfilment").asText().equals(body.get("fulfilment"))
                && Objects.equals(held.path("comment").textValue(), body.get("comment")));
    }
}
