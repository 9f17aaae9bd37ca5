package dev.lexis.corpora;

import java.util.Objects;

/**
 * How {@link ConllCorpus} reads a CoNLL column file. Immutable; start from {@link #defaults()}.
 *
 * @param separator {@link Separator#WHITESPACE} (default): columns are separated by runs of spaces and tabs;
 *     {@link Separator#TAB}: by single tabs (a column may then hold spaces, or be empty)
 * @param tokenColumn the token column, 0-based; negative counts from the end (default 0)
 * @param tagColumn the tag column, 0-based; negative counts from the end (default -1, the last)
 * @param commentPrefix lines starting with this are skipped (default empty: none; CoNLL-U uses {@code "#"})
 */
public record ConllOptions(Separator separator, int tokenColumn, int tagColumn, String commentPrefix) {

    /** What separates the columns of a row. */
    public enum Separator {
        WHITESPACE,
        TAB
    }

    public ConllOptions {
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(commentPrefix, "commentPrefix");
    }

    /** Whitespace-separated, token in column 0, tag in the last column, no comments. */
    public static ConllOptions defaults() {
        return new ConllOptions(Separator.WHITESPACE, 0, -1, "");
    }

    public ConllOptions withSeparator(Separator value) {
        return new ConllOptions(value, tokenColumn, tagColumn, commentPrefix);
    }

    public ConllOptions withTokenColumn(int value) {
        return new ConllOptions(separator, value, tagColumn, commentPrefix);
    }

    public ConllOptions withTagColumn(int value) {
        return new ConllOptions(separator, tokenColumn, value, commentPrefix);
    }

    public ConllOptions withCommentPrefix(String value) {
        return new ConllOptions(separator, tokenColumn, tagColumn, value);
    }
}
