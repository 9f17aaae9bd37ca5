package dev.lexis.corpora;

/**
 * What one pass over a text corpus read.
 *
 * @param files files opened
 * @param lines lines delivered (a long line split into k pieces counts k times)
 * @param blankLines blank lines skipped (only when {@link TextOptions#skipBlankLines()})
 * @param splitLines physical lines longer than {@link TextOptions#maxLineBytes()} that were cut into pieces
 * @param malformedReplaced malformed UTF-8 sequences replaced by U+FFFD (only with
 *     {@link TextOptions.OnMalformed#REPLACE})
 * @param bytes bytes of text read (decompressed for {@code .gz}), line terminators included
 */
public record ReadSummary(long files, long lines, long blankLines, long splitLines, long malformedReplaced,
        long bytes) {
}
