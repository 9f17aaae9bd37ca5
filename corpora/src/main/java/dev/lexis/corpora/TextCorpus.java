package dev.lexis.corpora;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A plain-text corpus, read as a stream of lines: one line is one sentence or paragraph. The source is a file, a
 * {@code .gz} file (decompressed as it is read), or a folder, read recursively in path order, skipping hidden files
 * and folders (names starting with {@code .}).
 *
 * <p>The text must be UTF-8: a malformed byte throws {@code corpus/wiki.txt:412: not valid UTF-8 (byte 0xFF at
 * offset 88213)} (the offset counts bytes from the start of the file, decompressed for {@code .gz}), unless
 * {@link TextOptions#withReplaceMalformed()} asks for U+FFFD in its place. A byte-order mark at the start of a file is
 * dropped, and {@code \r\n} ends a line as {@code \n} does (a lone {@code \r} does not). Lines longer than
 * {@link TextOptions#maxLineBytes()} (1 MiB) are split into pieces or refused, so a file without newlines never
 * exhausts memory; cutting sentences to 1,000 tokens, as word2vec does, is {@link Sentences#split}'s job once the
 * line is tokenized.
 *
 * <p>The corpus is never held in memory: each {@link #open()}, {@link #forEachLine}, or {@link #lines()} reads the
 * files again from the start, so a corpus serves many epochs. A {@code TextCorpus} is immutable and thread-safe;
 * each reader it opens belongs to one thread. For parallel readers, {@link #shards(int)} cuts it into parts that
 * together hold every line once.
 *
 * <pre>{@code
 * TextCorpus corpus = TextCorpus.of(Path.of("corpus/"));
 * ReadSummary read = corpus.forEachLine((line, at) -> tokenizer.forEachToken(line, counter));
 * }</pre>
 */
public final class TextCorpus {
    private final Path source;
    private final List<Segment> segments;
    private final TextOptions options;

    private TextCorpus(Path source, List<Segment> segments, TextOptions options) {
        this.source = source;
        this.segments = List.copyOf(segments);
        this.options = options;
    }

    /** The corpus at {@code path} (file, {@code .gz} file or folder) with {@link TextOptions#defaults()}. */
    public static TextCorpus of(Path path) {
        return of(path, TextOptions.defaults());
    }

    /**
     * The corpus at {@code path}: a file, a {@code .gz} file, or a folder (its non-hidden files, recursively, sorted
     * by path, filtered by {@link TextOptions#include()}).
     *
     * @throws CorpusException {@code path: no such file or folder}; {@code path: no text files in this folder (...)};
     *     {@code path: empty corpus (no non-blank lines)} when {@link TextOptions#requireNonEmpty()} (this reads up
     *     to the first non-blank line); {@code path: a .zip archive is not read ...}
     */
    public static TextCorpus of(Path path, TextOptions options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        List<Segment> segments = new ArrayList<>();
        for (Path file : Files2.textFiles(path, options.include())) {
            segments.add(Segment.whole(file));
        }
        TextCorpus corpus = new TextCorpus(path, segments, options);
        if (options.requireNonEmpty()) {
            corpus.requireNonEmpty();
        }
        return corpus;
    }

    private void requireNonEmpty() {
        try (LineReader reader = new Utf8LineReader(segments, options.withSkipBlankLines(true))) {
            if (!reader.next()) {
                int files = segments.size();
                throw new CorpusException(source, files == 1 && segments.get(0).file().equals(source)
                        ? "empty corpus (no non-blank lines)"
                        : "empty corpus (no non-blank lines in " + files + (files == 1 ? " file)" : " files)"));
            }
        }
    }

    /** The path the corpus was made from. */
    public Path source() {
        return source;
    }

    /** The files read, in reading order (a shard lists the files it touches). */
    public List<Path> files() {
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        for (Segment segment : segments) {
            files.add(segment.file());
        }
        return List.copyOf(files);
    }

    public TextOptions options() {
        return options;
    }

    /** The same files read with other options (no new empty-corpus check). */
    public TextCorpus withOptions(TextOptions other) {
        return new TextCorpus(source, segments, Objects.requireNonNull(other, "options"));
    }

    /** Bytes on disk of the ranges this corpus reads (compressed size for {@code .gz}); for progress estimates. */
    public long sizeOnDisk() {
        long total = 0;
        for (Segment segment : segments) {
            total += (segment.end() < 0 ? Files2.size(segment.file()) : segment.end()) - segment.start();
        }
        return total;
    }

    /** A new reader positioned before the first line. Close it (try-with-resources). */
    public LineReader open() {
        return new Utf8LineReader(segments, options);
    }

    /**
     * Reads every line, in order, into {@code consumer}, with its file, line number and byte offset.
     *
     * @return what was read
     * @throws CorpusException when the text cannot be read; exceptions from the consumer pass through
     */
    public ReadSummary forEachLine(LineConsumer consumer) {
        Objects.requireNonNull(consumer, "consumer");
        try (LineReader reader = open()) {
            while (reader.next()) {
                consumer.accept(reader.text(), reader);
            }
            return reader.summary();
        }
    }

    /**
     * The lines as a lazy sequential stream. It holds an open file: close it (try-with-resources), or consume it to
     * the end. Errors are thrown as {@link CorpusException} from the terminal operation.
     */
    public Stream<String> lines() {
        LineReader reader = open();
        Iterator<String> iterator = new Iterator<>() {
            private boolean ready;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                if (!ready && more) {
                    more = reader.next();
                    ready = true;
                }
                return more;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return reader.text();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(reader::close);
    }

    /**
     * Cuts the corpus into at most {@code n} parts for parallel readers. The parts are consecutive byte ranges of
     * about equal size on disk, each starting at a line start, that together hold every line exactly once, in
     * order. A {@code .gz} file cannot be cut: it goes whole to one part. Parts that would hold no bytes are left
     * out, so fewer than {@code n} parts come back for a corpus of fewer lines than {@code n} (and one part for a
     * single {@code .gz} file). Each part is a {@code TextCorpus} with this corpus's options; its line numbers are
     * those of the file.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public List<TextCorpus> shards(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of shards must be >= 1, got " + n);
        }
        int fileCount = segments.size();
        long[] starts = new long[fileCount];
        long[] ends = new long[fileCount];
        long[] global = new long[fileCount + 1];
        for (int f = 0; f < fileCount; f++) {
            Segment segment = segments.get(f);
            starts[f] = segment.start();
            ends[f] = segment.end() < 0 ? Files2.size(segment.file()) : segment.end();
            global[f + 1] = global[f] + (ends[f] - starts[f]);
        }
        long total = global[fileCount];
        long[] bounds = new long[n + 1];
        bounds[n] = total;
        for (int k = 1; k < n; k++) {
            long target = (long) ((double) total * k / n);
            long bound = target;
            int f = fileOf(global, target);
            if (f < fileCount && global[f] < target) {
                Segment segment = segments.get(f);
                if (segment.gzip()) {
                    bound = global[f + 1];
                } else {
                    long local = starts[f] + (target - global[f]);
                    bound = global[f] + Files2.lineStartAtOrAfter(segment.file(), local, ends[f]) - starts[f];
                }
            }
            bounds[k] = Math.max(bound, bounds[k - 1]);
        }
        List<TextCorpus> shards = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (bounds[k + 1] <= bounds[k]) {
                continue;
            }
            List<Segment> parts = new ArrayList<>();
            for (int f = 0; f < fileCount; f++) {
                long from = Math.max(bounds[k], global[f]);
                long to = Math.min(bounds[k + 1], global[f + 1]);
                if (from < to) {
                    Segment segment = segments.get(f);
                    if (segment.gzip()) {
                        parts.add(segment);
                    } else {
                        parts.add(new Segment(segment.file(), starts[f] + from - global[f],
                                starts[f] + to - global[f], false));
                    }
                }
            }
            shards.add(new TextCorpus(source, parts, options));
        }
        if (shards.isEmpty()) {
            shards.add(this);
        }
        return List.copyOf(shards);
    }

    /** The index f with {@code global[f] <= offset < global[f + 1]} (empty files skipped); fileCount if none. */
    private static int fileOf(long[] global, long offset) {
        int fileCount = global.length - 1;
        for (int f = 0; f < fileCount; f++) {
            if (offset < global[f + 1]) {
                return f;
            }
        }
        return fileCount;
    }

    @Override
    public String toString() {
        return "TextCorpus[" + source + ", " + segments.size() + (segments.size() == 1 ? " file]" : " files]");
    }
}
