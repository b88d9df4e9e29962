package se.styrning.testsupport;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A printed report's text, and every character that does not lie wholly within its page's margins (15 mm at either
 * side). The renderer writes what overflows and clips it at the margin, so such text is in the file but not on the
 * paper.
 */
public record PrintedPdf(String text, List<String> offPage) {

    private static final float MARGIN = 15 / 25.4f * 72;

    public static PrintedPdf read(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<String> offPage = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    PDRectangle page = getCurrentPage().getMediaBox();
                    for (TextPosition glyph : positions) {
                        if (glyph.getXDirAdj() < MARGIN - 0.5
                                || glyph.getXDirAdj() + glyph.getWidthDirAdj() > page.getWidth() - MARGIN + 0.5) {
                            offPage.add(glyph.getUnicode() + " of \"" + text + "\" at x=" + glyph.getXDirAdj()
                                    + " on page " + getCurrentPageNo() + ", " + page.getWidth() + " wide");
                        }
                    }
                    super.writeString(text, positions);
                }
            };
            return new PrintedPdf(stripper.getText(document), offPage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
