package dev.lexis.corpora;

import java.util.Objects;

/**
 * One labelled example of a text classification data set.
 *
 * @param label the class label, trimmed of surrounding whitespace (never empty)
 * @param text the text, as in the file (never blank)
 */
public record LabelledText(String label, String text) {
    public LabelledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }
}
