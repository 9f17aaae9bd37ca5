package dev.lexis.cli;

import dev.lexis.cli.args.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.lexis.corpora.ReadSummary;
import dev.lexis.corpora.TextCorpus;
import dev.lexis.corpora.TextOptions;
import dev.lexis.tokenize.Tokenizer;
import dev.lexis.tokenize.Vocabulary;
import dev.lexis.tokenize.VocabularyBuilder;

import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;

/**
 * {@code lexis vocab}: counts the words of a corpus and prints or saves them as {@code word count} lines,
 * ordered by count descending, then by word (the word2vec C tool's {@code -save-vocab} format).
 */
@Command(name = "vocab",
        description = {"Counts the words of a text corpus (a file, a .gz file, or a folder read recursively) and "
                + "prints 'word count' lines, most frequent first (the word2vec -save-vocab format).",
                "Example: lexis vocab --input corpus.txt.gz --min-count 5 --output vocab.txt"})
public final class VocabCommand extends Subcommand {

    @Option(names = {"-i", "--input"}, paramLabel = "PATH", required = true,
            description = "The corpus: a UTF-8 text file, a .gz file, or a folder (read recursively, in path order).")
    Path input;

    @Option(names = {"-a", "--analyzer"}, paramLabel = "SPEC", defaultValue = "standard",
            converter = TokenizerOption.class, description = TokenizerOption.DESCRIPTION)
    Tokenizer tokenizer;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "1",
            description = "Keep words seen at least N times (default: ${DEFAULT-VALUE}).")
    long minCount;

    @Option(names = "--max-size", paramLabel = "K",
            description = "Keep only the K most frequent words (default: no limit).")
    Integer maxSize;

    @Option(names = "--max-entries", paramLabel = "N", defaultValue = "" + VocabularyBuilder.DEFAULT_MAX_ENTRIES,
            description = "Memory budget: distinct words held while counting; above it the rarest are pruned, as "
                    + "the word2vec C tool does, and their counts become lower bounds (default: ${DEFAULT-VALUE}).")
    int maxEntries;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Counting threads, each reading its own byte range of the files (a .gz file is read by "
                    + "one thread) with its own memory budget (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--replace-malformed",
            description = "Replace bytes that are not UTF-8 with U+FFFD and count them (default: such a byte is an "
                    + "error naming the file, line and offset).")
    boolean replaceMalformed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the vocabulary to FILE (atomically) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (minCount < 1) {
            throw new UsageException("--min-count must be >= 1, got " + minCount);
        }
        if (maxSize != null && maxSize < 0) {
            throw new UsageException("--max-size must be >= 0, got " + maxSize);
        }
        if (threads < 1) {
            throw new UsageException("--threads must be >= 1, got " + threads);
        }
        if (maxEntries < 1) {
            throw new UsageException("--max-entries must be >= 1, got " + maxEntries);
        }
        if (output != null) {
            Path folder = output.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new NoSuchFileException(folder.toString(), null, "the folder of --output " + output
                        + " does not exist");
            }
        }
        long start = System.nanoTime();
        TextOptions options = TextOptions.defaults();
        if (replaceMalformed) {
            options = options.withReplaceMalformed();
        }
        TextCorpus corpus = TextCorpus.of(input, options);
        VocabularyBuilder counter = Vocabulary.builder(maxEntries);
        ReadSummary read = threads == 1
                ? corpus.forEachLine((line, at) -> tokenizer.forEachToken(line, counter))
                : countInParallel(corpus, counter);
        Vocabulary vocabulary = counter.build(minCount, maxSize == null ? Integer.MAX_VALUE : maxSize);

        Vocabulary.Pruning pruning = vocabulary.pruning();
        if (pruning.pruned()) {
            note(String.format(Locale.ROOT, "pruned rare words %d times to stay within %,d distinct words: "
                            + "dropped %,d words holding %,d tokens; counts up to about %d are lower bounds",
                    pruning.rounds(), maxEntries, pruning.wordsDropped(), pruning.tokensDropped(),
                    pruning.threshold()));
        }
        if (read.malformedReplaced() > 0) {
            note(String.format(Locale.ROOT, "%s: replaced %,d malformed UTF-8 sequences with U+FFFD",
                    input, read.malformedReplaced()));
        }
        detail(String.format(Locale.ROOT, "%s: %,d file(s), %,d lines, %,d bytes; %,d tokens, %,d distinct words;"
                        + " kept %,d words (%,d tokens) in %.1f s",
                input, read.files(), read.lines(), read.bytes(), counter.tokens(), counter.size(),
                vocabulary.size(), vocabulary.totalTokens(), (System.nanoTime() - start) / 1e9));
        if (output != null) {
            vocabulary.save(output);
            detail("wrote " + output);
        } else {
            vocabulary.write(out());
            out().flush();
        }
        return Main.OK;
    }

    /**
     * Counts the shards of {@code corpus} on {@link #threads} threads, each into its own builder, and adds them
     * all to {@code total}.
     */
    private ReadSummary countInParallel(TextCorpus corpus, VocabularyBuilder total) {
        List<TextCorpus> shards = corpus.shards(threads);
        List<VocabularyBuilder> counters = new ArrayList<>();
        List<Future<ReadSummary>> reads = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(shards.size(), runnable -> {
            Thread thread = new Thread(runnable, "lexis-vocab");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (TextCorpus shard : shards) {
                VocabularyBuilder counter = Vocabulary.builder(maxEntries);
                counters.add(counter);
                reads.add(pool.submit(() -> shard.forEachLine((line, at) -> tokenizer.forEachToken(line, counter))));
            }
            long files = 0;
            long lines = 0;
            long blank = 0;
            long split = 0;
            long replaced = 0;
            long bytes = 0;
            for (Future<ReadSummary> future : reads) {
                ReadSummary read = future.get();
                files += read.files();
                lines += read.lines();
                blank += read.blankLines();
                split += read.splitLines();
                replaced += read.malformedReplaced();
                bytes += read.bytes();
            }
            for (VocabularyBuilder counter : counters) {
                total.addAll(counter);
            }
            // a file cut into several shards is counted once per shard; report the files of the corpus
            return new ReadSummary(Math.min(files, corpus.files().size()), lines, blank, split, replaced, bytes);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting " + input, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
