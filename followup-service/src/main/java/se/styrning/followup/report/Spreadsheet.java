package se.styrning.followup.report;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Excel workbook of tables, one sheet each, for a controller to sum and filter: counts, amounts and percentages
 * are numeric cells, dates date cells, and all text is written as text, so a comment beginning with = is never run as
 * a formula. The number formats are stored as Excel stores them (#,##0.0) and shown in the reader's locale: Swedish
 * Excel shows -8 561 600 000 kr in mnkr as "-8 561,6", a space between thousands and a decimal comma. Streamed
 * (SXSSF): only the last rows of a sheet are held in memory.
 */
final class Spreadsheet implements AutoCloseable {

    /** SEK shown in millions (mnkr) with one decimal; the cell keeps every krona. */
    record Mnkr(BigDecimal sek) {
    }

    /** SEK shown in thousands (tkr) without decimals, as seed 003 prints its operating budget; the cell keeps every krona. */
    record Tkr(BigDecimal sek) {
    }

    /** A percent as the report has it (5.32 for 5,32 %), shown with one decimal. */
    record Percent(BigDecimal percent) {
    }

    /** Percentage points (procentenheter), shown with one decimal. */
    record Points(BigDecimal points) {
    }

    /** A text indented by levels, as the printed page indents the lines of its economy table. */
    record Indented(String value, int levels) {
    }

    /** A heading and how many characters wide its column is. */
    record Column(String heading, int width) {
    }

    private static final int ROWS_IN_MEMORY = 200;
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final CellStyle header;
    private final CellStyle mnkr;
    private final CellStyle tkr;
    private final CellStyle count;
    private final CellStyle percent;
    private final CellStyle points;
    private final CellStyle date;
    private final CellStyle month;
    private final CellStyle stamp;
    private final CellStyle text;
    private final Map<Integer, CellStyle> indented = new HashMap<>();

    Spreadsheet(String title) {
        workbook.setCompressTempFiles(true);
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
        workbook.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("Styrning");
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        mnkr = format("#,##0.0");
        tkr = format("#,##0");
        count = format("#,##0");
        percent = format("0.0%");
        points = format("0.0");
        date = format("yyyy-mm-dd");
        month = format("yyyy-mm");
        stamp = format("yyyy-mm-dd hh:mm");
        text = workbook.createCellStyle();
        text.setVerticalAlignment(VerticalAlignment.TOP);
    }

    /** A new sheet with its header row bold and frozen, and its columns' widths. */
    Table table(String name, List<Column> columns) {
        Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i).heading());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, 1);
        return new Table(sheet);
    }

    final class Table {
        private final Sheet sheet;
        private int next = 1;

        private Table(Sheet sheet) {
            this.sheet = sheet;
        }

        /**
         * A row of cells: String, Indented as text; Long, Integer as a count; Mnkr, Tkr, Percent, Points, BigDecimal as a
         * number; LocalDate, YearMonth, Instant as a date; null as an empty cell.
         */
        void row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    cell(row.createCell(i), values[i]);
                }
            }
        }
    }

    private void cell(Cell cell, Object value) {
        if (value instanceof String s) {
            cell.setCellValue(s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT - 1) + "…" : s);
            cell.setCellStyle(text);
        } else if (value instanceof Indented s) {
            cell.setCellValue(s.value());
            cell.setCellStyle(indented.computeIfAbsent(Math.max(0, Math.min(s.levels(), 15)), levels -> {
                CellStyle style = workbook.createCellStyle();
                style.cloneStyleFrom(text);
                style.setIndention(levels.shortValue());
                return style;
            }));
        } else if (value instanceof Long || value instanceof Integer) {
            number(cell, ((Number) value).doubleValue(), count);
        } else if (value instanceof Mnkr m) {
            number(cell, m.sek().movePointLeft(6).doubleValue(), mnkr);
        } else if (value instanceof Tkr t) {
            number(cell, t.sek().movePointLeft(3).doubleValue(), tkr);
        } else if (value instanceof Percent p) {
            number(cell, p.percent().movePointLeft(2).doubleValue(), percent);
        } else if (value instanceof Points p) {
            number(cell, p.points().doubleValue(), points);
        } else if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
        } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof YearMonth m) {
            cell.setCellValue(m.atDay(1));
            cell.setCellStyle(month);
        } else if (value instanceof Instant i) {
            cell.setCellValue(LocalDateTime.ofInstant(i, SWEDEN));
            cell.setCellStyle(stamp);
        } else {
            throw new IllegalArgumentException("No cell for " + value.getClass());
        }
    }

    private static void number(Cell cell, double value, CellStyle style) {
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private CellStyle format(String pattern) {
        DataFormat formats = workbook.createDataFormat();
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(pattern));
        return style;
    }

    byte[] bytes() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            workbook.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toByteArray();
    }

    /** Deletes the streamed sheets' temporary files. */
    @Override
    public void close() {
        workbook.dispose();
    }
}
