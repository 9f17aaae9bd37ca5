package dev.lexis.cli.embeddings;

import dev.lexis.cli.Subcommand;
import dev.lexis.embeddings.Subwords;
import dev.lexis.embeddings.TrainingListener;
import dev.lexis.embeddings.TrainingProgress;
import dev.lexis.embeddings.VectorFormats;
import dev.lexis.embeddings.Word2VecConfig;
import dev.lexis.embeddings.Word2VecTrainer;
import dev.lexis.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;

/**
 * {@code lexis word2vec}: trains word2vec vectors (Mikolov et al. 2013) on text files and writes them in the
 * word2vec binary ({@code .bin}) or text ({@code .txt}, {@code .vec}) format.
 */
@Command(name = "word2vec",
        description = {"Trains word vectors (word2vec: CBOW or Skip-gram, hierarchical softmax or negative sampling) "
                + "on a text file, a .gz file or a folder of them (one sentence or paragraph per line).",
                "Writes FILE in the word2vec binary format (.bin) or text format (.txt, .vec), readable by the C tool, "
                        + "gensim and fastText, and FILE.lexis.properties with the analyzer and settings.",
                "A checkpoint is saved to FILE.checkpoint after each epoch and every --checkpoint-minutes (and "
                        + "--checkpoint-words) inside epochs, removed at the end; --resume continues from it where it "
                        + "stopped (with --threads 1, to the same vectors).",
                "With --minn and --maxn (fastText's subwords, e.g. 3 and 6), a word is the mean of its own vector and "
                        + "its character n-grams' vectors; FILE then holds the vocabulary's vectors, and FILE.subwords the "
                        + "n-gram rows that give a vector to any word (lexis print-vectors, lexis nearest).",
                "Example: lexis word2vec --input corpus.txt --output vectors.bin --model skipgram --loss ns"})
public final class Word2VecCommand extends Subcommand {

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "Corpus: a UTF-8 text file, .gz, or a folder.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Vectors file: .bin = binary, .txt or .vec = text.")
    Path output;

    @Option(names = "--model", paramLabel = "cbow|skipgram", defaultValue = "cbow",
            description = "Architecture (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--loss", paramLabel = "hs|ns", defaultValue = "ns",
            description = "Hierarchical softmax or negative sampling (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--dim", paramLabel = "N", defaultValue = "100", description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--window", paramLabel = "N", defaultValue = "5", description = "Context window (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "5",
            description = "Drop words seen fewer than N times (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--sample", paramLabel = "T", defaultValue = "1e-3",
            description = "Subsampling threshold of frequent words, 0 = off (default: ${DEFAULT-VALUE}).")
    double sample;

    @Option(names = "--negative", paramLabel = "K", defaultValue = "5",
            description = "Negative samples with --loss ns (default: ${DEFAULT-VALUE}).")
    int negative;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5", description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--alpha", paramLabel = "A",
            description = "Starting learning rate (default: 0.05 for cbow, 0.025 for skipgram).")
    Double alpha;

    @Option(names = "--threads", paramLabel = "N", description = "Training threads (default: the available processors).")
    Integer threads;

    @Option(names = "--streams", paramLabel = "K",
            description = "Places of the corpus each thread reads in turn, switching every ~2,000 tokens, so that "
                    + "training sees the corpus in a more random order (default: 16 for cbow, 1 for skipgram; 1 = each "
                    + "thread reads one contiguous range).")
    Integer streams;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed; with --threads 1 the vectors are reproducible (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--analyzer", paramLabel = "SPEC", defaultValue = "whitespace",
            description = "Tokenizer: whitespace (fast, keeps case), standard, english, icu, smartcn, ... "
                    + "(default: ${DEFAULT-VALUE}); stored with the vectors and applied to queries.")
    String analyzer;

    @Option(names = "--minn", paramLabel = "N", defaultValue = "0",
            description = "Shortest character n-gram of subword vectors, 0 = no subwords (default: ${DEFAULT-VALUE}).")
    int minn;

    @Option(names = "--maxn", paramLabel = "N", defaultValue = "0",
            description = "Longest character n-gram of subword vectors, 0 = no subwords (default: ${DEFAULT-VALUE}).")
    int maxn;

    @Option(names = "--bucket", paramLabel = "N", defaultValue = "2000000",
            description = "Hash buckets of the character n-grams (default: ${DEFAULT-VALUE}).")
    int bucket;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue training from a checkpoint.")
    Path resume;

    @Option(names = "--checkpoint-minutes", paramLabel = "M", defaultValue = "10",
            description = "Also save a checkpoint inside epochs every M minutes of training, 0 = only after epochs "
                    + "(default: ${DEFAULT-VALUE}).")
    double checkpointMinutes;

    @Option(names = "--checkpoint-words", paramLabel = "N", defaultValue = "0",
            description = "Also save a checkpoint inside epochs every N corpus words, 0 = off (default: ${DEFAULT-VALUE}).")
    long checkpointWords;

    @Override
    public Integer call() throws IOException {
        Word2VecConfig config = config();
        if (checkpointMinutes < 0 || checkpointWords < 0) {
            throw new UsageException("--checkpoint-minutes and --checkpoint-words must be >= 0"
                    + " (0 = off), got " + checkpointMinutes + " and " + checkpointWords);
        }
        Path checkpoint = output.resolveSibling(output.getFileName() + ".checkpoint");
        Word2VecTrainer trainer = new Word2VecTrainer(config).withCheckpoint(checkpoint)
                .withCheckpointEvery(checkpointWords, Duration.ofMillis(Math.round(checkpointMinutes * 60_000)))
                .withProgressInterval(verbose() ? 1000 : 5000);
        long start = System.nanoTime();
        TrainingProgress[] last = new TrainingProgress[1];
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
                report(p, last);
            }

            @Override
            public void onCheckpoint(Path file, TrainingProgress p, boolean midEpoch) {
                note(String.format(Locale.ROOT, "checkpoint %s (epoch %d/%d, %.1f%% done)", file, p.epoch(),
                        p.epochs(), p.fraction() * 100));
            }
        };
        WordVectors vectors;
        if (resume != null) {
            note("resuming from " + resume);
            vectors = trainer.resume(input, resume, listener);
        } else {
            vectors = trainer.train(input, listener);
        }
        vectors.save(output);
        Files.deleteIfExists(checkpoint);
        double secs = (System.nanoTime() - start) / 1e9;
        long tokens = Long.parseLong(vectors.metadata().getOrDefault("corpus.tokens", "0"));
        out().printf(Locale.ROOT, "wrote %s (%s): %,d words x %d; %,d corpus tokens x %d epochs in %.1f s (%s words/s)%n",
                output, VectorFormats.Format.fromFileName(output) == VectorFormats.Format.BINARY ? "binary" : "text",
                vectors.size(), vectors.dimension(), tokens, epochs(vectors, config), secs,
                human(tokens * (double) epochs(vectors, config) / secs));
        if (vectors.subwords().isPresent()) {
            Subwords sub = vectors.subwords().get();
            out().printf(Locale.ROOT, "wrote %s: %,d character n-gram rows (%d-%d characters, %,d buckets)%n",
                    Subwords.fileFor(output), sub.knownRows(), sub.minn(), sub.maxn(), sub.bucket());
        }
        return 0;
    }

    private static int epochs(WordVectors v, Word2VecConfig config) {
        String e = v.metadata().get("word2vec.epochs");
        return e != null ? Integer.parseInt(e) : config.epochs();
    }

    private void report(TrainingProgress p, TrainingProgress[] last) {
        last[0] = p;
        note(p.toString());
    }

    private static String human(double x) {
        return x >= 1e6 ? String.format(Locale.ROOT, "%.2fM", x / 1e6) : String.format(Locale.ROOT, "%.0fk", x / 1e3);
    }

    Word2VecConfig config() {
        Word2VecConfig.Architecture arch = switch (model.toLowerCase(Locale.ROOT)) {
            case "cbow" -> Word2VecConfig.Architecture.CBOW;
            case "skipgram", "skip-gram", "sg" -> Word2VecConfig.Architecture.SKIP_GRAM;
            default -> throw new UsageException("--model must be cbow or skipgram, got " + model);
        };
        if (!loss.equalsIgnoreCase("hs") && !loss.equalsIgnoreCase("ns")) {
            throw new UsageException("--loss must be hs or ns, got " + loss);
        }
        try {
            Word2VecConfig c = Word2VecConfig.defaults().withArchitecture(arch).withNegative(Math.max(1, negative))
                    .withLoss(loss).withEmbeddingDim(dim).withWindow(window).withMinCount(minCount).withSample(sample)
                    .withEpochs(epochs).withSeed(seed).withAnalyzer(analyzer).withSubwords(minn, maxn)
                    .withBucket(bucket);
            if (loss.equalsIgnoreCase("ns")) {
                c = c.withNegative(negative);
            }
            if (alpha != null) {
                c = c.withAlpha(alpha);
            }
            if (threads != null) {
                c = c.withThreads(threads);
            }
            if (streams != null) {
                c = c.withStreams(streams);
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
