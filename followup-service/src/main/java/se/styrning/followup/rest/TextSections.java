package se.styrning.followup.rest;

import se.styrning.followup.ReportTexts;
import se.styrning.followup.TextSection;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Responses;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;

/** What the two reports' text endpoints share: reading the section from the path, and the answer to a write. */
final class TextSections {

    static final String SECTION = "SUMMARY, ANALYSIS (with ?area= the focus area's code), ECONOMY (a controller's) or PERSONNEL";

    private TextSections() {
    }

    static TextSection parse(String section) {
        try {
            return TextSection.valueOf(section.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.invalidField("section", "is one of " + Arrays.toString(TextSection.values()));
        }
    }

    static Response answer(String path, ReportTexts.Written written) {
        String location = path + "/texts/" + written.line().section()
                + (written.line().area() == null ? "" : "?area=" + written.line().area());
        return written.created() ? Responses.created(location, written.line().version(), written.line())
                : Responses.ok(written.line().version(), written.line());
    }
}
