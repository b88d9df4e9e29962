package se.styrning.followup.report;

import se.styrning.followup.readmodel.ReportingIndicator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How the documents group indicators: region-wide (koncernnivå) before the administration's own (kompletterande),
 * and within each by category, Medarbetare before Ekonomi (seed 003 §4.1–4.3.2, seed 001 §3.3.1–3.3.2). Plans and
 * period reports group them alike, under the same headings.
 */
final class IndicatorGroups {

    static final Map<String, String> LEVELS = Map.of("REGION", "Regiongemensamma indikatorer",
            "ADMINISTRATION", "Förvaltningens kompletterande indikatorer");
    static final Map<String, String> CATEGORIES = Map.of("STAFF", "Medarbetare", "ECONOMY", "Ekonomi",
            "QUALITY", "Kvalitet", "OTHER", "Övrigt");
    private static final List<String> LEVEL_ORDER = List.of("REGION", "ADMINISTRATION");
    private static final List<String> CATEGORY_ORDER = List.of("STAFF", "ECONOMY", "QUALITY", "OTHER");

    /** By level, then category; a stable sort keeps the plan's own order within a group. */
    static final Comparator<ReportingIndicator> ORDER = Comparator
            .comparingInt((ReportingIndicator i) -> rank(LEVEL_ORDER, i.level))
            .thenComparingInt(i -> rank(CATEGORY_ORDER, i.category));

    private IndicatorGroups() {
    }

    /** "Regiongemensamma indikatorer: Medarbetare"; "Indikatorer: …" for an indicator kept before levels were. */
    static String heading(String level, String category) {
        return (level == null ? "Indikatorer" : LEVELS.getOrDefault(level, level)) + ": "
                + (category == null ? "Övrigt" : CATEGORIES.getOrDefault(category, category));
    }

    /** Where a value sits in an order; unknown values, and none (a row from before the field was kept), last. */
    static int rank(List<String> order, String value) {
        int rank = value == null ? -1 : order.indexOf(value);
        return rank < 0 ? order.size() : rank;
    }
}
