package dev.lexis.corpora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts one text file into byte ranges for parallel readers (as word2vec's threads each seek to
 * {@code file_size / num_threads * id}, but aligned here to line starts, so that no line is read twice or lost).
 */
public final class TextShards {
    private TextShards() {
    }

    /**
     * At most {@code n} shards of {@code file}, in order: shard k starts at the first line start at or after
     * {@code size * k / n}, and ends where shard k + 1 starts. Together they cover every byte, hence every line,
     * exactly once. Shards that would be empty are left out, so fewer than {@code n} come back when the file has
     * fewer lines than {@code n}; an empty file gives one empty shard. A {@code .gz} file cannot be read from the
     * middle, so it gives one shard, the whole file (for parallel reading of a gzip corpus, split it into several
     * {@code .gz} files and use {@link TextCorpus#shards(int)} on the folder).
     *
     * @throws CorpusException if the file is missing or unreadable, or is a folder
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static List<TextShard> of(Path file, int n) {
        Objects.requireNonNull(file, "file");
        if (n < 1) {
            throw new IllegalArgumentException("number of shards must be >= 1, got " + n);
        }
        Files2.requireExists(file);
        if (Files.isDirectory(file)) {
            throw new CorpusException(file, "is a folder; shards are cut from one file (use TextCorpus.shards for a"
                    + " folder)");
        }
        long size = Files2.size(file);
        if (Files2.isGzip(file)) {
            return List.of(new TextShard(file, 0, size));
        }
        List<TextShard> shards = new ArrayList<>();
        long start = 0;
        for (int k = 1; k <= n; k++) {
            long end = k == n ? size
                    : Math.max(start, Files2.lineStartAtOrAfter(file, (long) ((double) size * k / n), size));
            if (end > start) {
                shards.add(new TextShard(file, start, end));
                start = end;
            }
        }
        if (shards.isEmpty()) {
            shards.add(new TextShard(file, 0, 0));
        }
        return List.copyOf(shards);
    }
}
