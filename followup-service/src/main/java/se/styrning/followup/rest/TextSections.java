package se.styrning.followup.rest;

import se.styrning.followup.report.ReportTexts;
import se.styrning.followup.report.TextLine;
import se.styrning.followup.report.TextSection;
import se.styrning.platform.problem.ProblemException;
import se.styrning.platform.rest.Responses;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
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

    /** The written section of the list, with its version as ETag; 404 while nobody has written it. */
    static Response one(List<TextLine> texts, TextSection section, String area) {
        String key = area == null || area.isBlank() ? null : area;
        TextLine line = texts.stream().filter(text -> text.section() == section && Objects.equals(text.area(), key)
                && !text.missing()).findFirst().orElseThrow(() -> ProblemException.notFound("Text",
                section + (key == null ? "" : " of focus area " + key)));
        return Responses.ok(line.version(), line);
    }

    static Response answer(String path, ReportTexts.Written written) {
        String location = path + "/texts/" + written.line().section()
                + (written.line().area() == null ? "" : "?area=" + written.line().area());
        return written.created() ? Responses.created(location, written.line().version(), written.line())
                : Responses.ok(written.line().version(), written.line());
    }
}
