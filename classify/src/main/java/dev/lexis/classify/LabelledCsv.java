package dev.lexis.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled examples from a CSV file (RFC 4180, UTF-8) whose header names a label and a text column, e.g.
 * {@code label,text}. A {@code .tsv} file is read tab-separated.
 *
 * <p>Errors name the file and the line: {@code mr.csv:1: no column "text" in the header [label, sentence]},
 * {@code mr.csv:17: row has 1 column(s); expected columns "label" (1) and "text" (2)},
 * {@code mr.csv:17: empty label}.
 */
public final class LabelledCsv {
    private LabelledCsv() {
    }

    /** Reads {@code file} with the columns {@code label} and {@code text}. */
    public static List<LabelledText> read(Path file) throws IOException {
        return read(file, "label", "text");
    }

    /**
     * Reads {@code file}; every row becomes a {@link LabelledText} whose source is {@code file:line}.
     * Empty texts are kept (the trainers reject them with the row's position; predictions document them).
     *
     * @throws IOException              if the file cannot be read or is not valid CSV (file and line named)
     * @throws IllegalArgumentException if a column is missing from the header or a row, or a label is empty
     */
    public static List<LabelledText> read(Path file, String labelColumn, String textColumn) throws IOException {
        boolean tsv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv");
        CSVFormat format = (tsv ? CSVFormat.TDF : CSVFormat.RFC4180).builder()
                .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        List<LabelledText> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            int labelAt = header.indexOf(labelColumn);
            int textAt = header.indexOf(textColumn);
            if (header.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty file; expected a header with columns \""
                        + labelColumn + "\" and \"" + textColumn + "\"");
            }
            if (labelAt < 0 || textAt < 0) {
                throw new IllegalArgumentException(file + ":1: no column \"" + (labelAt < 0 ? labelColumn : textColumn)
                        + "\" in the header " + header + " (choose the columns with --label-column / --text-column)");
            }
            try {
                for (CSVRecord record : parser) {
                    long line = record.getParser().getCurrentLineNumber();
                    String where = file + ":" + line;
                    if (record.size() <= Math.max(labelAt, textAt)) {
                        throw new IllegalArgumentException(where + ": row has " + record.size()
                                + " column(s); expected columns \"" + labelColumn + "\" (" + (labelAt + 1)
                                + ") and \"" + textColumn + "\" (" + (textAt + 1) + ")");
                    }
                    String label = record.get(labelAt).strip();
                    if (label.isEmpty()) {
                        throw new IllegalArgumentException(where + ": empty label");
                    }
                    out.add(new LabelledText(label, record.get(textAt), where));
                }
            } catch (UncheckedIOException e) {
                throw new IOException(file + ":" + parser.getCurrentLineNumber() + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(file + ": not valid UTF-8", e);
        }
        return out;
    }
}
