package se.styrning.followup;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A report's printable page as PDF: laid out on A4 with DejaVu Sans embedded, so the symbols print on any machine. */
@ApplicationScoped
public class PdfPrinter {

    private static final String FONT_FAMILY = "DejaVu Sans";
    /** DejaVu has no ⏸ (U+23F8); the PDF prints the paused status as ‖, which it has. */
    private static final String PAUSED = "⏸";
    private static final String PAUSED_IN_PRINT = "‖";

    public byte[] print(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> PdfPrinter.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), FONT_FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> PdfPrinter.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), FONT_FAMILY, 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html.replace(PAUSED, PAUSED_IN_PRINT), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be rendered as PDF", e);
        }
        return out.toByteArray();
    }
}
