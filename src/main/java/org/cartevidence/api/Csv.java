package org.cartevidence.api;

import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV for pipelines, written by Apache Commons CSV (quoting, CRLF line ends): a header row, then one row per
 * record. A cell is empty for an absent value, a list's items are joined with {@value #LIST_SEPARATOR}, and numbers
 * print as plain decimals (no exponent, no trailing {@code .0}) so that spreadsheets and the JSON export agree.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);
    public static final String LIST_SEPARATOR = ";";

    private Csv() {
    }

    /** A printer for the given header row over {@code out}. */
    public static CSVPrinter printer(Appendable out, String... header) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader(header).get().print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record type's component names: the header of a table of such records. */
    public static String[] header(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toArray(String[]::new);
    }

    /** One row per record, its components in declaration order. */
    public static <R extends Record> void writeRecords(Class<R> type, List<? extends R> rows, Appendable out) {
        RecordComponent[] components = type.getRecordComponents();
        try (CSVPrinter csv = printer(out, header(type))) {
            for (R row : rows) {
                Object[] cells = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    cells[i] = cell(components[i].getAccessor().invoke(row));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read a component of " + type.getSimpleName(), e);
        }
    }

    /** The text of one cell. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return plain(d).toPlainString();
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Csv::cell).collect(Collectors.joining(LIST_SEPARATOR));
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value.toString();
    }

    /**
     * A double as the shortest decimal that reads back as the same double, without exponent or trailing zeros:
     * 3000000.0 is {@code 3000000}, 1.0E8 is {@code 100000000}, 22.5 stays {@code 22.5}.
     */
    public static BigDecimal plain(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
