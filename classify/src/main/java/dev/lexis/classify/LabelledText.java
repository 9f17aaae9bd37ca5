package dev.lexis.classify;

/**
 * One training or test example: a class label and its text.
 *
 * @param label  the class name (non-blank)
 * @param text   the raw text (non-null; the classifier's analyzer tokenizes it)
 * @param source where the example came from, e.g. {@code "mr.csv:17"}, used in error messages (may be empty)
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

    /** An example without a source. */
    public LabelledText(String label, String text) {
        this(label, text, "");
    }

    /** {@code "file:line: "} when the source is known, else empty: the prefix of an error message. */
    public String where() {
        return where(source);
    }

    private static String where(String source) {
        return source == null || source.isEmpty() ? "" : source + ": ";
    }
}
