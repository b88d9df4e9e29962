package se.styrning.followup.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Lets openhtmltopdf draw a page's inline SVG charts (ReportCharts) with Batik, scripts and external resources off,
 * and gives page and charts DejaVu Sans (embedded, so the status symbols print on any machine). openhtmltopdf hands
 * the charts only fonts it was given as files, so the fonts are copied out of the application once.
 */
final class SvgDrawing {

    static final String FONT_FAMILY = "DejaVu Sans";

    private SvgDrawing() {
    }

    static void addTo(PdfRendererBuilder builder) {
        builder.useFont(Fonts.REGULAR, FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(Fonts.BOLD, FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                BatikSVGDrawer.SvgExternalResourceMode.SECURE));
    }

    /** The font files, copied when a PDF first needs them. */
    private static final class Fonts {
        static final File REGULAR = copy("/fonts/DejaVuSans.ttf");
        static final File BOLD = copy("/fonts/DejaVuSans-Bold.ttf");

        private static File copy(String resource) {
            try (InputStream in = SvgDrawing.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path");
                }
                Path file = Files.createTempFile("styrning-chart-font", ".ttf");
                file.toFile().deleteOnExit();
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                return file.toFile();
            } catch (IOException e) {
                throw new UncheckedIOException("the charts' font " + resource + " could not be copied", e);
            }
        }
    }
}
