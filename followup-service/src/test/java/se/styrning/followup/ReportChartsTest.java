package se.styrning.followup;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import se.styrning.followup.report.PeriodReport;
import se.styrning.followup.report.ReportCharts;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's charts as SVG documents: well-formed, proportional, described in words, and calm when empty. */
class ReportChartsTest {

    private static final String MINUS = "\u2212";

    @Test
    void aBarPerStatusIsAsLongAsItsCountAndTheTextStatesEveryCount() throws Exception {
        Map<String, Long> counts = Map.of("ONGOING", 10L, "DONE", 5L, "OFF_PLAN", 2L, "PARTLY_ON_PLAN", 1L);
        String svg = ReportCharts.statusBars(counts);
        Document chart = parse(svg);

        accessible(chart, "Aktiviteter per status");
        List<Element> bars = elements(chart, "rect", "bar");
        assertEquals(ReportCharts.STATUSES.size(), bars.size());
        double ongoing = width(bars.get(ReportCharts.STATUSES.indexOf("ONGOING")));
        assertTrue(ongoing > 0);
        for (int i = 0; i < bars.size(); i++) {
            String status = ReportCharts.STATUSES.get(i);
            assertEquals(counts.getOrDefault(status, 0L) / 10.0, width(bars.get(i)) / ongoing, 0.001, status);
            assertEquals(ReportCharts.STATUS_COLOURS.get(status), bars.get(i).getAttribute("fill"), status);
        }
        String desc = text(chart, "desc");
        Stream.of("Pågår 10", "Klar 5", "Följer inte plan 2", "Följer delvis plan 1", "Pausad 0", "Ej startad 0")
                .forEach(figure -> assertTrue(desc.contains(figure), figure + " in " + desc));
        assertEquals(svg, ReportCharts.statusBars(new LinkedHashMap<>(counts)), "the same figures draw the same chart");
    }

    @Test
    void aStackedBarPerUnitHasItsStatusesInTheirColoursAndIsAsLongAsItsTotal() throws Exception {
        Document chart = parse(ReportCharts.statusStacks(List.of(
                new ReportCharts.UnitStatuses("Regionkontoret", Map.of("ONGOING", 6L, "DONE", 2L)),
                new ReportCharts.UnitStatuses("Hallands sjukhus & <Psykiatri>", Map.of("OFF_PLAN", 1L, "ONGOING", 1L, "NOT_STARTED", 2L)))));

        accessible(chart, "Aktiviteter per status och enhet");
        List<Element> bars = elements(chart, "rect", "bar");
        assertEquals(5, bars.size(), "a segment per status with activities");
        double first = width(bars.get(0)) + width(bars.get(1));
        double second = width(bars.get(2)) + width(bars.get(3)) + width(bars.get(4));
        assertEquals(4 / 8.0, second / first, 0.001);
        assertEquals(2 / 6.0, width(bars.get(0)) / width(bars.get(1)), 0.001, "DONE before ONGOING, as the legend");
        assertEquals(ReportCharts.STATUS_COLOURS.get("DONE"), bars.get(0).getAttribute("fill"));
        assertEquals(ReportCharts.STATUS_COLOURS.get("ONGOING"), bars.get(1).getAttribute("fill"));
        assertEquals(ReportCharts.STATUS_COLOURS.get("NOT_STARTED"), bars.get(2).getAttribute("fill"));
        assertEquals(bars.get(0).getAttribute("x"), bars.get(2).getAttribute("x"), "every bar starts at the same place");
        String desc = text(chart, "desc");
        assertTrue(desc.contains("Regionkontoret: Pausad 0, Ej startad 0, Följer delvis plan 0, Följer inte plan 0, Klar 2, Pågår 6, totalt 8."), desc);
        assertTrue(desc.contains("Hallands sjukhus & <Psykiatri>: Pausad 0, Ej startad 2"), "names are escaped, not lost: " + desc);
    }

    @Test
    void deviationsAreBarsAroundAZeroLineNegativeToItsLeftWithMnkrLabels() throws Exception {
        Document chart = parse(ReportCharts.costDeviations(List.of(
                new ReportCharts.CostBars("Hälso- och sjukvårdsfinansiering", true, new BigDecimal("-92788000.00"), new BigDecimal("-110466000.00")),
                new ReportCharts.CostBars("Läkemedel", false, new BigDecimal("-115788000.00"), new BigDecimal("-125005000.00")),
                new ReportCharts.CostBars("Somatikuppdrag", false, new BigDecimal("22995000.00"), new BigDecimal("14539000.00")))));

        accessible(chart, "Avvikelse mot budget per uppdrag (mnkr)");
        double zero = Double.parseDouble(elements(chart, "line", "zero").get(0).getAttribute("x1"));
        List<Element> bars = elements(chart, "rect", "bar");
        assertEquals(6, bars.size());
        BigDecimal[] values = {new BigDecimal("-92788000"), new BigDecimal("-110466000"), new BigDecimal("-115788000"),
                new BigDecimal("-125005000"), new BigDecimal("22995000"), new BigDecimal("14539000")};
        double perSek = width(bars.get(3)) / 125005000.0;
        for (int i = 0; i < bars.size(); i++) {
            double x = Double.parseDouble(bars.get(i).getAttribute("x"));
            if (values[i].signum() < 0) {
                assertEquals(zero, x + width(bars.get(i)), 0.11, "a negative bar ends at the zero line");
            } else {
                assertEquals(zero, x, 0.11, "a positive bar starts at the zero line");
            }
            assertEquals(values[i].abs().doubleValue() * perSek, width(bars.get(i)), 0.11, "bar " + i);
        }
        String desc = text(chart, "desc");
        assertTrue(desc.contains("Läkemedel: utfall mot budget hittills " + MINUS + "115,8, prognos mot budget helår " + MINUS + "125,0."), desc);
        assertTrue(desc.contains("Somatikuppdrag: utfall mot budget hittills 23,0, prognos mot budget helår 14,5."), desc);
        assertTrue(texts(chart).contains(MINUS + "125,0"), "each bar is labelled in mnkr");
    }

    @Test
    void anIndicatorsOutcomeAndTargetAreColumnsPerYear() throws Exception {
        Document chart = parse(ReportCharts.indicatorHistory("Andel invånare som röker", "%", List.of(
                new PeriodReport.IndicatorLine.YearValue(2016, new BigDecimal("8.0000"), new BigDecimal("7.5000")),
                new PeriodReport.IndicatorLine.YearValue(2017, new BigDecimal("6.4000"), null))));

        accessible(chart, "Andel invånare som röker: utfall och målvärde per år");
        List<Element> bars = elements(chart, "rect", "bar");
        assertEquals(3, bars.size(), "no column for a missing target");
        assertEquals(7.5 / 8.0, height(bars.get(1)) / height(bars.get(0)), 0.001);
        assertEquals(6.4 / 8.0, height(bars.get(2)) / height(bars.get(0)), 0.001);
        String desc = text(chart, "desc");
        assertTrue(desc.contains("Andel invånare som röker (%). 2016: utfall 8, målvärde 7,5. 2017: utfall 6,4, målvärde saknas."), desc);
        assertTrue(texts(chart).containsAll(List.of("2016", "2017", "Utfall", "Målvärde")));
    }

    @Test
    void aNegativeIndicatorValueHangsBelowTheZeroLine() throws Exception {
        Document chart = parse(ReportCharts.indicatorHistory("Prognostiserad budgetavvikelse", "mnkr", List.of(
                new PeriodReport.IndicatorLine.YearValue(2017, new BigDecimal("-19.2000"), BigDecimal.ZERO))));
        double zero = Double.parseDouble(elements(chart, "line", "zero").get(0).getAttribute("y1"));
        Element outcome = elements(chart, "rect", "bar").get(0);
        assertEquals(zero, Double.parseDouble(outcome.getAttribute("y")), 0.11);
        assertTrue(height(outcome) > 0);
    }

    @Test
    void withoutFiguresEachChartSaysSo() throws Exception {
        for (String svg : List.of(ReportCharts.statusBars(Map.of()), ReportCharts.statusBars(Map.of("DONE", 0L)),
                ReportCharts.statusStacks(List.of()), ReportCharts.costDeviations(List.of()),
                ReportCharts.indicatorHistory("Väntetid", "dagar", List.of()),
                ReportCharts.indicatorHistory("Väntetid", "dagar", List.of(new PeriodReport.IndicatorLine.YearValue(2017, null, null))))) {
            Document chart = parse(svg);
            assertEquals("img", chart.getDocumentElement().getAttribute("role"));
            assertTrue(texts(chart).contains("Inga värden"), svg);
            assertTrue(text(chart, "desc").contains("Inga värden"), svg);
            assertTrue(elements(chart, "rect", "bar").isEmpty());
        }
    }

    @Test
    void everyColourStandsOutAgainstWhite() {
        List<String> colours = new ArrayList<>(ReportCharts.STATUS_COLOURS.values());
        colours.addAll(List.of(ReportCharts.FIRST_SERIES, ReportCharts.SECOND_SERIES));
        for (String colour : colours) {
            assertTrue(contrastWithWhite(colour) >= 4.5, colour + " has contrast " + contrastWithWhite(colour));
        }
        assertEquals(ReportCharts.STATUSES.size(), ReportCharts.STATUS_COLOURS.values().stream().distinct().count(),
                "every status its own colour");
    }

    /** WCAG 2's contrast ratio against white. */
    private static double contrastWithWhite(String hex) {
        double luminance = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            luminance += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return 1.05 / (luminance + 0.05);
    }

    private static void accessible(Document chart, String title) {
        Element svg = chart.getDocumentElement();
        assertEquals("svg", svg.getTagName());
        assertEquals("http://www.w3.org/2000/svg", svg.getAttribute("xmlns"));
        assertEquals("img", svg.getAttribute("role"));
        assertEquals(title, text(chart, "title"));
        assertEquals("title", ((Element) svg.getFirstChild()).getTagName(), "the title names the image");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> elements(Document chart, String tag, String kind) {
        NodeList nodes = chart.getElementsByTagName(tag);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element element = (Element) nodes.item(i);
            if (kind.equals(element.getAttribute("class"))) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Document chart, String tag) {
        return chart.getElementsByTagName(tag).item(0).getTextContent();
    }

    private static List<String> texts(Document chart) {
        NodeList nodes = chart.getElementsByTagName("text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static double width(Element rect) {
        return Double.parseDouble(rect.getAttribute("width"));
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }
}
