package dev.lexis.corpora;

import java.nio.file.FileSystems;
import java.util.Objects;

/**
 * How a {@link TextCorpus} reads its files. Immutable; start from {@link #defaults()} and change with the
 * {@code with…} methods.
 *
 * @param onMalformed what a byte sequence that is not UTF-8 does: {@link OnMalformed#FAIL} (default) throws
 *     {@code file:line: not valid UTF-8 (byte 0xFF at offset N)}; {@link OnMalformed#REPLACE} puts U+FFFD in its
 *     place and counts it in {@link ReadSummary#malformedReplaced()}
 * @param requireNonEmpty when true (default), building a corpus whose files hold no non-blank line throws
 *     {@code path: empty corpus (...)}
 * @param skipBlankLines when true (default), lines that are empty or only whitespace are not delivered (they still
 *     count for line numbers)
 * @param maxLineBytes the longest line, in bytes, held in memory at once (default 1 MiB = 1,048,576); a longer
 *     line is handled by {@code onLongLine}. Must be in [16, 2^30]
 * @param onLongLine what a line longer than {@code maxLineBytes} does: {@link OnLongLine#SPLIT} (default) delivers
 *     it in pieces of at most {@code maxLineBytes} bytes, cut at the last space or tab before the limit (or, in a
 *     run without whitespace, at the last UTF-8 character boundary), all with the same line number;
 *     {@link OnLongLine#FAIL} throws {@code file:line: line longer than N bytes (maxLineBytes)}
 * @param include a glob on file names ({@code *.txt}, {@code *.{txt,gz}}) that selects the files of a folder;
 *     empty (default) takes every file that is not hidden. A single file given directly is always read
 */
public record TextOptions(OnMalformed onMalformed, boolean requireNonEmpty, boolean skipBlankLines,
        int maxLineBytes, OnLongLine onLongLine, String include) {

    /** Default {@link #maxLineBytes()}: 1 MiB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    /** What to do with bytes that are not valid UTF-8. */
    public enum OnMalformed {
        /** Throw a {@link CorpusException} naming the file, line, byte and offset. */
        FAIL,
        /** Replace each malformed sequence with U+FFFD and count it. */
        REPLACE
    }

    /** What to do with a line longer than {@link #maxLineBytes()}. */
    public enum OnLongLine {
        /** Deliver the line in pieces of at most {@code maxLineBytes} bytes, cut at whitespace where possible. */
        SPLIT,
        /** Throw a {@link CorpusException} naming the file and line. */
        FAIL
    }

    public TextOptions {
        Objects.requireNonNull(onMalformed, "onMalformed");
        Objects.requireNonNull(onLongLine, "onLongLine");
        Objects.requireNonNull(include, "include");
        if (maxLineBytes < 16 || maxLineBytes > (1 << 30)) {
            throw new IllegalArgumentException("maxLineBytes must be in [16, 1073741824], got " + maxLineBytes);
        }
        if (!include.isEmpty()) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + include);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("include is not a valid glob: \"" + include + "\" ("
                        + e.getMessage() + ")", e);
            }
        }
    }

    /** Strict UTF-8, non-empty required, blank lines skipped, lines over 1 MiB split, every non-hidden file. */
    public static TextOptions defaults() {
        return new TextOptions(OnMalformed.FAIL, true, true, DEFAULT_MAX_LINE_BYTES, OnLongLine.SPLIT, "");
    }

    public TextOptions withOnMalformed(OnMalformed value) {
        return new TextOptions(value, requireNonEmpty, skipBlankLines, maxLineBytes, onLongLine, include);
    }

    /** Shorthand for {@code withOnMalformed(REPLACE)}. */
    public TextOptions withReplaceMalformed() {
        return withOnMalformed(OnMalformed.REPLACE);
    }

    public TextOptions withRequireNonEmpty(boolean value) {
        return new TextOptions(onMalformed, value, skipBlankLines, maxLineBytes, onLongLine, include);
    }

    public TextOptions withSkipBlankLines(boolean value) {
        return new TextOptions(onMalformed, requireNonEmpty, value, maxLineBytes, onLongLine, include);
    }

    public TextOptions withMaxLineBytes(int value) {
        return new TextOptions(onMalformed, requireNonEmpty, skipBlankLines, value, onLongLine, include);
    }

    public TextOptions withOnLongLine(OnLongLine value) {
        return new TextOptions(onMalformed, requireNonEmpty, skipBlankLines, maxLineBytes, value, include);
    }

    public TextOptions withInclude(String glob) {
        return new TextOptions(onMalformed, requireNonEmpty, skipBlankLines, maxLineBytes, onLongLine, glob);
    }
}
