package dev.lexis.corpora;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A byte range {@code [start, end)} of a text file that starts at a line start and ends at a line start (or at the
 * end of the file), made by {@link TextShards#of(Path, int)}. A reader of the shard reads exactly the lines that
 * start in the range. For a {@code .gz} file the only shard is the whole file: {@code start == 0} and
 * {@code end ==} its compressed size.
 *
 * @param file the file
 * @param start the first byte, a line start
 * @param end one past the last byte
 */
public record TextShard(Path file, long start, long end) {
    public TextShard {
        Objects.requireNonNull(file, "file");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("shard range must satisfy 0 <= start <= end, got [" + start + ", "
                    + end + ") of " + file);
        }
        if (Files2.isGzip(file) && start != 0) {
            throw new IllegalArgumentException("a gzip file cannot be read from the middle: shard [" + start + ", "
                    + end + ") of " + file);
        }
    }

    /** Bytes in the range (compressed bytes for {@code .gz}). */
    public long length() {
        return end - start;
    }

    /** A reader of the shard's lines with {@link TextOptions#defaults()}. */
    public LineReader open() {
        return open(TextOptions.defaults());
    }

    /** A reader of the shard's lines ({@link TextOptions#requireNonEmpty()} and {@code include} do not apply). */
    public LineReader open(TextOptions options) {
        return new Utf8LineReader(List.of(segment()), Objects.requireNonNull(options, "options"));
    }

    /** Reads the shard's lines into {@code consumer} with {@link TextOptions#defaults()}. */
    public ReadSummary forEachLine(LineConsumer consumer) {
        return forEachLine(TextOptions.defaults(), consumer);
    }

    /** Reads the shard's lines into {@code consumer}; see {@link TextCorpus#forEachLine}. */
    public ReadSummary forEachLine(TextOptions options, LineConsumer consumer) {
        try (LineReader reader = open(options)) {
            while (reader.next()) {
                consumer.accept(reader.text(), reader);
            }
            return reader.summary();
        }
    }

    Segment segment() {
        return Files2.isGzip(file) ? new Segment(file, 0, -1, true) : new Segment(file, start, end, false);
    }
}
