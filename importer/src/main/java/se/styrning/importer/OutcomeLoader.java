package se.styrning.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code outcomes/YYYY-MM.csv}: a month's outcomes in budget-service's own CSV format, sent whole to
 * {@code POST /api/outcomes/import} as UTF-8 (the file may be Windows-1252, as Excel saves it); budget-service takes
 * the file all or nothing and says line by line what is wrong.
 */
final class OutcomeLoader implements Loader {

    private final Gateway gateway;

    OutcomeLoader(Gateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public String pattern() {
        return "outcomes/*.csv";
    }

    @Override
    public void load(Path file, Tally tally) throws IOException {
        String month = file.getFileName().toString().replaceFirst("\\.csv$", "");
        if (!month.matches("\\d{4}-\\d{2}")) {
            tally.fail("", "name the file after its month, e.g. 2017-11.csv");
            return;
        }
        String csv = Csv.text(file);
        Gateway.Reply reply = gateway.send("POST", "/api/outcomes/import" + Gateway.query("month", month), csv,
                "text/csv; charset=UTF-8", null, null);
        if (!reply.is(200)) {
            if (reply.body().path("errors").isEmpty()) {
                tally.fail("", reply.problem());
            }
            for (JsonNode error : reply.body().path("errors")) {
                tally.fail(error.path("field").asText(), error.path("message").asText());
            }
            return;
        }
        JsonNode summary = reply.body();
        tally.created += summary.path("created").asInt();
        tally.updated += summary.path("updated").asInt();
        tally.unchanged += summary.path("unchanged").asInt();
    }
}
