package dev.lexis.corpora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A labelled text classification data set in a CSV or TSV file, read with Apache Commons CSV: RFC 4180 quoting, a
 * header that is detected or declared, label and text columns by name or index (see {@link CsvOptions}); strict
 * UTF-8 ({@code .gz} accepted). Every row must have as many columns as the header (or, without a header, as the
 * first row). Each row becomes a {@link LabelledText} whose {@link LabelledText#source() source} is
 * {@code "file:line"}, the line where the row starts, so that later errors about it (a trainer refusing an empty
 * text, a test label never seen in training) can name it.
 *
 * <pre>
 * List&lt;LabelledText&gt; train = LabelledCsv.of(Path.of("trec/train.csv")).readAll().rows();
 * List&lt;LabelledText&gt; test = LabelledCsv.of(Path.of("data.tsv"), CsvOptions.forClassification("label", "text"))
 *         .readAll().rows();
 * </pre>
 *
 * <p>Errors name the file and the line where the row starts:
 * <pre>
 * data/reviews.csv:1842: expected 2 columns (label, text), found 3; a field holding the delimiter must be quoted
 * data/reviews.csv:77: unclosed quote: the quoted field that starts on this line never ends (...)
 * data/reviews.csv:1: no column "sentiment" (for the label) in the header (label, text)
 * data/reviews.csv:12: empty label                       (strict mode)
 * data/reviews.csv:13: empty text (label "neg")           (strict mode, unless empty texts are kept)
 * data/reviews.csv: empty file; expected a header naming the label column "label" and the text column "text"
 * </pre>
 * Immutable and re-readable; each call reads the file again.
 */
public final class LabelledCsv {
    private static final Set<String> LABEL_HEADERS = Set.of("label", "labels", "class", "category", "target",
            "sentiment", "polarity", "y", "tag", "topic", "intent", "gold", "gold_label");
    private static final Set<String> TEXT_HEADERS = Set.of("text", "sentence", "review", "document", "content",
            "question", "body", "x", "title", "comment", "utterance", "tweet", "message", "sentence1");

    /** Where Commons CSV says a parse error is ("... at line: 2, position: 25"). */
    private static final Pattern AT_LINE = Pattern.compile("at line: ([0-9,]+)");

    private final Path file;
    private final CsvOptions options;

    private LabelledCsv(Path file, CsvOptions options) {
        this.file = file;
        this.options = options;
    }

    /** The file with {@link CsvOptions#defaults()}. */
    public static LabelledCsv of(Path file) {
        return of(file, CsvOptions.defaults());
    }

    /**
     * @throws CorpusException {@code file: no such file or folder}, or when it is a folder
     */
    public static LabelledCsv of(Path file, CsvOptions options) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(options, "options");
        Files2.requireExists(file);
        if (Files.isDirectory(file)) {
            throw new CorpusException(file, "is a folder; a labelled data set is one CSV or TSV file");
        }
        return new LabelledCsv(file, options);
    }

    public Path file() {
        return file;
    }

    public CsvOptions options() {
        return options;
    }

    /** The field separator used for this file: the option, or by extension. */
    public char delimiter() {
        return switch (options.delimiter()) {
            case COMMA -> ',';
            case TAB -> '\t';
            case AUTO -> {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".gz")) {
                    name = name.substring(0, name.length() - 3);
                }
                yield name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : ',';
            }
        };
    }

    /** Reads all rows into memory. */
    public LabelledDataset readAll() {
        List<LabelledText> rows = new ArrayList<>();
        CsvSummary summary = forEach(rows::add);
        return new LabelledDataset(file, rows, summary);
    }

    /**
     * Streams the rows, in file order, into {@code consumer}, holding one row at a time.
     *
     * @return what was read and skipped
     * @throws CorpusException on a malformed row, bytes that are not UTF-8, or an I/O error (naming file and line)
     */
    public CsvSummary forEach(Consumer<? super LabelledText> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        CSVFormat.Builder format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter())
                .setIgnoreEmptyLines(false)
                .setTrailingData(false)
                .setLenientEof(false);
        format.setQuote(options.quoting() ? Character.valueOf('"') : null);
        long rows = 0;
        long emptyTexts = 0;
        long emptyLabels = 0;
        long blankLines = 0;
        List<String> header = List.of();
        int columns = -1;
        int labelIndex = -1;
        int textIndex = -1;
        String where = file + ":";
        try (StrictUtf8Reader reader = new StrictUtf8Reader(file);
                CSVParser parser = format.get().parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw parseError(e.getCause(), line);
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    blankLines++;
                    continue;
                }
                if (columns < 0) {
                    columns = record.size();
                    boolean isHeader = isHeader(record);
                    List<String> names = isHeader ? record.toList() : List.of();
                    labelIndex = resolve(options.label(), "label", names, columns, line);
                    textIndex = resolve(options.text(), "text", names, columns, line);
                    if (labelIndex == textIndex) {
                        throw new CorpusException(file, line, "label and text are the same column ("
                                + labelIndex + ")");
                    }
                    if (isHeader) {
                        header = names;
                        continue;
                    }
                }
                if (record.size() != columns) {
                    // too many fields: usually an unquoted delimiter inside the text
                    throw new CorpusException(file, line, "expected " + columns + " columns ("
                            + (header.isEmpty() ? "as on the first row" : String.join(", ", header)) + "), found "
                            + record.size() + (options.quoting() && record.size() > columns
                            ? "; a field holding the delimiter must be quoted" : ""));
                }
                String label = record.get(labelIndex).strip();
                String text = record.get(textIndex);
                if (label.isEmpty()) {
                    if (options.strict()) {
                        throw new CorpusException(file, line, "empty label");
                    }
                    emptyLabels++;
                    continue;
                }
                if (text.isBlank() && !options.keepEmptyTexts()) {
                    if (options.strict()) {
                        throw new CorpusException(file, line, "empty text (label \"" + label + "\")");
                    }
                    emptyTexts++;
                    continue;
                }
                rows++;
                consumer.accept(new LabelledText(label, text, where + line));
            }
        } catch (IOException e) {
            throw Files2.wrap(file, e);
        }
        if (columns < 0 && (options.header() == CsvOptions.Header.PRESENT || options.label().byName()
                || options.text().byName())) {
            throw new CorpusException(file, "empty file; expected a header naming the label column "
                    + describe(options.label()) + " and the text column " + describe(options.text()));
        }
        return new CsvSummary(rows, emptyTexts, emptyLabels, blankLines, header);
    }

    private boolean isHeader(CSVRecord first) {
        return switch (options.header()) {
            case PRESENT -> true;
            case ABSENT -> false;
            case AUTO -> options.label().byName() || options.text().byName()
                    || isWord(first, options.label().index(), LABEL_HEADERS)
                    || isWord(first, options.text().index(), TEXT_HEADERS);
        };
    }

    private static boolean isWord(CSVRecord record, int index, Set<String> words) {
        int i = index < 0 ? record.size() + index : index;
        return i >= 0 && i < record.size() && words.contains(record.get(i).strip().toLowerCase(Locale.ROOT));
    }

    private int resolve(Column column, String role, List<String> header, int columns, long line) {
        if (column.byName()) {
            int found = header.indexOf(column.name());
            if (found < 0) {
                for (int i = 0; i < header.size(); i++) {
                    if (header.get(i).strip().equalsIgnoreCase(column.name())) {
                        found = i;
                        break;
                    }
                }
            }
            if (found < 0) {
                throw new CorpusException(file, line, "no column \"" + column.name() + "\" (for the " + role
                        + ") in the header (" + String.join(", ", header) + ")");
            }
            return found;
        }
        int index = column.index() < 0 ? columns + column.index() : column.index();
        if (index < 0 || index >= columns) {
            throw new CorpusException(file, line, "the " + role + " column (" + column + ") is outside the "
                    + columns + (columns == 1 ? " column" : " columns") + " of the first row"
                    + (columns == 1 ? "; is the delimiter right? (" + describe(delimiter()) + ")" : ""));
        }
        return index;
    }

    private static String describe(Column column) {
        return column.byName() ? column.toString() : "(" + column + ")";
    }

    private static String describe(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    private CorpusException parseError(Throwable cause, long recordLine) {
        String message = cause == null ? "" : String.valueOf(cause.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished")) {
            return new CorpusException(file, recordLine, "unclosed quote: the quoted field that starts on this"
                    + " line never ends (a quote inside a quoted field must be doubled: \"\")", cause);
        }
        if (lower.contains("invalid char") && lower.contains("between encapsulated token and delimiter")) {
            Matcher at = AT_LINE.matcher(message);
            long line = at.find() ? Long.parseLong(at.group(1).replace(",", "")) : recordLine;
            return new CorpusException(file, line, "text after the closing quote of a field (a quote inside"
                    + " a quoted field must be doubled: \"\")", cause);
        }
        if (cause instanceof IOException io) {
            return new CorpusException(file, recordLine, "cannot read the row (" + io.getMessage() + ")", io);
        }
        return new CorpusException(file, recordLine, "cannot read the row (" + message + ")", cause);
    }
}
