package se.styrning.followup.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A report's printable page as PDF: laid out on A4 with DejaVu Sans embedded, so the status symbols print on any
 * machine, and its charts drawn as vector graphics. Every PDF is tagged PDF/UA (lag 2018:1937 on accessible public
 * services): a structure tree of headings, tables and figures, the language of the page's {@code lang}, its title
 * shown. The archival variant is PDF/A-2u as well, its colours declared as sRGB.
 */
@ApplicationScoped
public class PdfPrinter {

    /** DejaVu has no ⏸ (U+23F8); the PDF prints the paused status as ‖, which it has. */
    private static final String PAUSED = "⏸";
    private static final String PAUSED_IN_PRINT = "‖";

    /** The sRGB profile the JDK carries, so no colour profile is shipped with the service. */
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    public byte[] print(String html) {
        return print(html, false);
    }

    /** @param archival PDF/A-2u besides PDF/UA, for the archive */
    public byte[] print(String html, boolean archival) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            if (archival) {
                builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_U);
                builder.useColorProfile(SRGB);
            }
            SvgDrawing.addTo(builder);
            builder.addDOMMutator(PdfPrinter::describedAsTheSubject);
            builder.addDOMMutator(PdfPrinter::chartsNamedByTheirTitle);
            builder.withHtmlContent(html.replace(PAUSED, PAUSED_IN_PRINT), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * PDF/UA asks for a description (XMP dc:description), which openhtmltopdf takes from a meta named subject, not
     * HTML's description: the PDF's copy of the page gets one with the same content.
     */
    private static void describedAsTheSubject(Document page) {
        NodeList metas = page.getElementsByTagName("meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element meta = (Element) metas.item(i);
            if (meta.getAttribute("name").equals("description")) {
                Element subject = (Element) meta.cloneNode(false);
                subject.setAttribute("name", "subject");
                meta.getParentNode().insertBefore(subject, meta);
                return;
            }
        }
    }

    /**
     * openhtmltopdf gives a figure the alternate text of its element's alt attribute, which an inline SVG cannot
     * carry in valid HTML: the PDF's copy of the page takes it from the chart's title and desc.
     */
    private static void chartsNamedByTheirTitle(Document page) {
        NodeList charts = page.getElementsByTagName("svg");
        for (int i = 0; i < charts.getLength(); i++) {
            Element chart = (Element) charts.item(i);
            String name = String.join(". ", text(chart, "title"), text(chart, "desc")).replaceAll("^\\. |\\. $", "");
            chart.setAttribute("alt", name);
        }
    }

    private static String text(Element chart, String child) {
        NodeList nodes = chart.getElementsByTagName(child);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
