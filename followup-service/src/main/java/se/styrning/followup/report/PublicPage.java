package se.styrning.followup.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The public listing page (templates/public.html): the published documents by unit, then year, newest first. */
public record PublicPage(List<Unit> units) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Europe/Stockholm"));

    public record Unit(String name, String anchor, List<Year> years) {
    }

    public record Year(int year, List<Row> rows) {
    }

    public record Row(String title, String kind, String period, String version, String published, String link, String pdf,
                      String xlsx) {
    }

    public static PublicPage of(List<PublishedDocuments.Document> documents) {
        Map<UUID, Map<Integer, List<Row>>> byUnit = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        for (PublishedDocuments.Document document : documents) {
            names.put(document.unitId(), document.unitName());
            byUnit.computeIfAbsent(document.unitId(), unit -> new LinkedHashMap<>())
                    .computeIfAbsent(document.year(), year -> new ArrayList<>()).add(row(document));
        }
        List<Unit> units = new ArrayList<>();
        byUnit.forEach((unitId, years) -> units.add(new Unit(names.get(unitId), "enhet-" + unitId,
                years.entrySet().stream().map(year -> new Year(year.getKey(), year.getValue())).toList())));
        return new PublicPage(units);
    }

    private static Row row(PublishedDocuments.Document document) {
        if (document.kind() == PublishedDocuments.DocumentKind.PLAN) {
            return new Row(document.title(), "Fastställd plan", "år " + document.year(), "",
                    document.adoptedOn() == null ? "" : document.adoptedOn().toString(), document.link(), document.pdf(),
                    document.xlsx());
        }
        return new Row(document.title(), document.kind() == PublishedDocuments.DocumentKind.ROLLUP
                ? "Samlad uppföljning för enheten" : "Uppföljning av plan", ReportPage.period(document.period()),
                String.valueOf(document.version()), document.publishedAt() == null ? "" : DAY.format(document.publishedAt()),
                document.link(), document.pdf(), document.xlsx());
    }
}
