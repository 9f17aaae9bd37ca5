package dev.lexis.corpora;

import java.io.Closeable;

/**
 * A cursor over the lines of a text corpus or shard. Not thread-safe: one reader per thread; open as many as needed
 * (a corpus is re-iterable). Close it to release the open file.
 *
 * <pre>{@code
 * try (LineReader reader = corpus.open()) {
 *     while (reader.next()) {
 *         String line = reader.text();          // reader.file(), reader.lineNumber() say where it is from
 *     }
 * }
 * }</pre>
 *
 * {@link #next()} throws {@link CorpusException} when the text cannot be read (e.g. bytes that are not UTF-8).
 */
public interface LineReader extends LineLocation, Closeable {
    /** Moves to the next line; false at the end of the corpus (and the reader is closed). */
    boolean next();

    /** The current line (after {@link #next()} returned true). */
    String text();

    /** Bytes read so far across all files (decompressed for {@code .gz}); for progress reports. */
    long bytesRead();

    /**
     * Bytes of the files consumed so far (compressed bytes for {@code .gz}); divided by
     * {@link TextCorpus#sizeOnDisk()} it is the fraction read, for progress reports.
     */
    long diskBytesRead();

    /** Counts of what this reader has read so far. */
    ReadSummary summary();

    /** Releases the open file; never throws. */
    @Override
    void close();
}
