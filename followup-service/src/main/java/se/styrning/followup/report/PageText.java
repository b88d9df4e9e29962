package se.styrning.followup.report;

import java.util.Arrays;
import java.util.List;

/** A report's text section as the page prints it: its heading and paragraphs (split at blank lines), or "Text saknas". */
public record PageText(String heading, List<String> paragraphs, boolean missing) {

    static final String TEXT_MISSING = "Text saknas";

    static PageText of(TextLine line) {
        return line.missing() ? new PageText(line.heading(), List.of(TEXT_MISSING), true)
                : new PageText(line.heading(), paragraphs(line.text()), false);
    }

    /** A text's paragraphs: split at blank lines; none for no text. */
    static List<String> paragraphs(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty()).toList();
    }

    /** The report's section; "Text saknas" also where a report closed before texts existed has none. */
    static PageText of(List<TextLine> texts, TextSection section) {
        return texts == null ? new PageText(section.heading(), List.of(TEXT_MISSING), true)
                : texts.stream().filter(text -> text.section() == section).findFirst().map(PageText::of)
                .orElse(new PageText(section.heading(), List.of(TEXT_MISSING), true));
    }

    /** The analysis of a focus area, by its code. */
    static PageText analysis(List<TextLine> texts, String area, String title) {
        return (texts == null ? List.<TextLine>of() : texts).stream()
                .filter(text -> text.section() == TextSection.ANALYSIS && area.equals(text.area())).findFirst()
                .map(PageText::of)
                .orElse(new PageText(TextSection.ANALYSIS.heading() + ": " + title, List.of(TEXT_MISSING), true));
    }
}
