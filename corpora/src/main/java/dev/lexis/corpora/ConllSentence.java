package dev.lexis.corpora;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One sentence of a CoNLL file: n rows of c columns. Immutable: the accessors return copies.
 */
public final class ConllSentence {
    private final Path file;
    private final long firstLine;
    /** columns[c][i]: column c of token i. */
    private final String[][] columns;
    private final int tokenColumn;
    private final int tagColumn;

    ConllSentence(Path file, long firstLine, String[][] columns, int tokenColumn, int tagColumn) {
        this.file = file;
        this.firstLine = firstLine;
        this.columns = columns;
        this.tokenColumn = tokenColumn;
        this.tagColumn = tagColumn;
    }

    /**
     * A sentence made in code (for tests and tools).
     *
     * @param tokens the tokens
     * @param tags one tag per token
     */
    public static ConllSentence of(String[] tokens, String[] tags) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(tags, "tags");
        if (tokens.length != tags.length) {
            throw new IllegalArgumentException("tokens and tags differ in length: " + tokens.length + " vs "
                    + tags.length);
        }
        return new ConllSentence(Path.of(""), 0, new String[][] {tokens.clone(), tags.clone()}, 0, 1);
    }

    /** The file it was read from (empty path for a sentence made with {@link #of}). */
    public Path file() {
        return file;
    }

    /** The line of its first row (1-based; 0 for a sentence made with {@link #of}). */
    public long firstLine() {
        return firstLine;
    }

    /** Number of tokens (rows). */
    public int size() {
        return columns[0].length;
    }

    /** Number of columns of each row. */
    public int columnCount() {
        return columns.length;
    }

    /** The tokens: the {@link ConllOptions#tokenColumn()} column. */
    public String[] tokens() {
        return columns[tokenColumn].clone();
    }

    /** The tags: the {@link ConllOptions#tagColumn()} column. */
    public String[] tags() {
        return columns[tagColumn].clone();
    }

    /**
     * Column {@code index} for all tokens (0-based; negative counts from the end).
     *
     * @throws IndexOutOfBoundsException naming the index and the column count
     */
    public String[] column(int index) {
        int c = index < 0 ? columns.length + index : index;
        if (c < 0 || c >= columns.length) {
            throw new IndexOutOfBoundsException("column " + index + " of a sentence with " + columns.length
                    + " columns");
        }
        return columns[c].clone();
    }

    /** Row {@code i}: all columns of token i. */
    public String[] row(int i) {
        Objects.checkIndex(i, size());
        String[] row = new String[columns.length];
        for (int c = 0; c < columns.length; c++) {
            row[c] = columns[c][i];
        }
        return row;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            text.append(i == 0 ? "" : " ").append(columns[tokenColumn][i]).append('/')
                    .append(columns[tagColumn][i]);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConllSentence that && Arrays.deepEquals(columns, that.columns)
                && tokenColumn == that.tokenColumn && tagColumn == that.tagColumn;
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(columns) * 31 + tokenColumn * 7 + tagColumn;
    }
}
