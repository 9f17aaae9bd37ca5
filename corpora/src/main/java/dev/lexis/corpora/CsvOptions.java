package dev.lexis.corpora;

import java.util.Objects;

/**
 * How {@link LabelledCsv} reads a labelled CSV/TSV file. Immutable; start from {@link #defaults()}.
 *
 * @param delimiter {@link Delimiter#AUTO} (default): tab for {@code .tsv} and {@code .tab} files (also under
 *     {@code .gz}), comma otherwise
 * @param header {@link Header#AUTO} (default): the first row is a header when a column is chosen by name, or when
 *     its label or text cell is a usual header word ({@code label}, {@code class}, {@code category},
 *     {@code sentiment}, {@code text}, {@code sentence}, {@code review}, ...)
 * @param label the label column (default index 0)
 * @param text the text column (default index 1)
 * @param quoting RFC 4180 quoting (default true): a field in double quotes may hold delimiters, newlines and
 *     doubled quotes; false reads every character literally (plain TSV)
 * @param strict false (default): rows with an empty label or text are counted and skipped; true: they are errors
 *     ({@code file:line: empty label}, {@code file:line: empty text (label "neg")})
 * @param keepEmptyTexts false (default): a blank text is handled as {@code strict} says; true: the row is delivered
 *     with its blank text, for callers that handle such rows themselves (a text classifier predicts its prior for
 *     them, and its trainers refuse them naming the row); {@code strict} then concerns empty labels only
 */
public record CsvOptions(Delimiter delimiter, Header header, Column label, Column text, boolean quoting,
        boolean strict, boolean keepEmptyTexts) {

    /** The field separator. */
    public enum Delimiter {
        /** By file extension: tab for .tsv/.tab, comma otherwise. */
        AUTO,
        COMMA,
        TAB
    }

    /** Whether the first row names the columns. */
    public enum Header {
        AUTO,
        PRESENT,
        ABSENT
    }

    public CsvOptions {
        Objects.requireNonNull(delimiter, "delimiter");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        if (header == Header.ABSENT && (label.byName() || text.byName())) {
            throw new IllegalArgumentException("header is ABSENT, so columns must be chosen by index, got label "
                    + label + " and text " + text);
        }
        if (!label.byName() && !text.byName() && label.index() == text.index()) {
            throw new IllegalArgumentException("label and text must be different columns, both are index "
                    + label.index());
        }
    }

    /** The options without {@code keepEmptyTexts} (false): a blank text is skipped, or refused when strict. */
    public CsvOptions(Delimiter delimiter, Header header, Column label, Column text, boolean quoting,
            boolean strict) {
        this(delimiter, header, label, text, quoting, strict, false);
    }

    /**
     * Delimiter by extension, header detected, label in column 0, text in column 1, quoting on, lenient (rows with
     * an empty label or text are counted and skipped).
     */
    public static CsvOptions defaults() {
        return new CsvOptions(Delimiter.AUTO, Header.AUTO, Column.at(0), Column.at(1), true, false, false);
    }

    /**
     * The label and text columns by header name or index ({@link Column#parse}, e.g. {@code "label"} or {@code "0"}),
     * empty labels refused and blank texts kept: how a text classifier reads its training and test files. A column
     * chosen by name makes the first row the header.
     *
     * @throws IllegalArgumentException if both name the same index, or a name is blank
     */
    public static CsvOptions forClassification(String labelColumn, String textColumn) {
        // the constructor, not with-calls: an intermediate copy could hold the same index twice ("1", "0")
        return new CsvOptions(Delimiter.AUTO, Header.AUTO, Column.parse(labelColumn), Column.parse(textColumn), true,
                true, true);
    }

    public CsvOptions withDelimiter(Delimiter value) {
        return new CsvOptions(value, header, label, text, quoting, strict, keepEmptyTexts);
    }

    public CsvOptions withHeader(Header value) {
        return new CsvOptions(delimiter, value, label, text, quoting, strict, keepEmptyTexts);
    }

    public CsvOptions withLabel(Column value) {
        return new CsvOptions(delimiter, header, value, text, quoting, strict, keepEmptyTexts);
    }

    public CsvOptions withText(Column value) {
        return new CsvOptions(delimiter, header, label, value, quoting, strict, keepEmptyTexts);
    }

    public CsvOptions withQuoting(boolean value) {
        return new CsvOptions(delimiter, header, label, text, value, strict, keepEmptyTexts);
    }

    public CsvOptions withStrict(boolean value) {
        return new CsvOptions(delimiter, header, label, text, quoting, value, keepEmptyTexts);
    }

    public CsvOptions withKeepEmptyTexts(boolean value) {
        return new CsvOptions(delimiter, header, label, text, quoting, strict, value);
    }
}
