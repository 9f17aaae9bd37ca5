package dev.lexis.corpora;

/**
 * One labelled example of a text classification data set, and where it came from.
 *
 * <p>Two examples are equal when label, text and source are; rows read from a file therefore differ from the same
 * label and text built in memory (whose source is empty).
 *
 * @param label the class label (non-blank; {@link LabelledCsv} strips surrounding whitespace)
 * @param text the text, as in the file (non-null; blank only when read with
 *     {@link CsvOptions#keepEmptyTexts()})
 * @param source where the example came from, {@code "file:line"} (the line where the row starts) for a row read by
 *     {@link LabelledCsv}, or empty (never null) for data built in memory; the prefix of error messages about it
 * @throws IllegalArgumentException if the label is null or blank, or the text is null (naming the source)
 */
public record LabelledText(String label, String text, String source) {
    public LabelledText {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException(where(source) + "label must be non-blank, got "
                    + (label == null ? "null" : "\"" + label + "\""));
        }
        if (text == null) {
            throw new IllegalArgumentException(where(source) + "text must be non-null");
        }
        if (source == null) {
            source = "";
        }
    }

    /** An example built in memory: its source is empty. */
    public LabelledText(String label, String text) {
        this(label, text, "");
    }

    /**
     * {@code "file:line: "} when the source is known, else empty: the prefix of an error message about this example,
     * e.g. {@code "mr.csv:17: empty text (label \"neg\")"}.
     */
    public String where() {
        return where(source);
    }

    private static String where(String source) {
        return source == null || source.isEmpty() ? "" : source + ": ";
    }
}
