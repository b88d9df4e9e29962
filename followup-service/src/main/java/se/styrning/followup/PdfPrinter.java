package se.styrning.followup;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A report's printable page as PDF: laid out on A4 with DejaVu Sans embedded, so the status symbols print on any
 * machine, and its charts drawn as vector graphics.
 */
@ApplicationScoped
public class PdfPrinter {

    /** DejaVu has no ⏸ (U+23F8); the PDF prints the paused status as ‖, which it has. */
    private static final String PAUSED = "⏸";
    private static final String PAUSED_IN_PRINT = "‖";

    public byte[] print(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            SvgDrawing.addTo(builder);
            builder.withHtmlContent(html.replace(PAUSED, PAUSED_IN_PRINT), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }
}
