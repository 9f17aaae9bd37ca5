package dev.lexis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.lexis.embeddings.Neighbor;
import dev.lexis.embeddings.Word2VecConfig;
import dev.lexis.embeddings.Word2VecTrainer;
import dev.lexis.embeddings.WordVectors;
import dev.lexis.tokenize.Tokenizer;
import dev.lexis.tokenize.Vocabulary;

import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;
import dev.lexis.cli.args.Parameters;

/**
 * {@code lexis demo}: the README's first command. Tokenizes the embedded Europarl text (see {@link DemoText}),
 * trains word2vec vectors on it (Mikolov et al. 2013) and prints the nearest words of a few query words.
 */
@Command(name = "demo",
        description = {"Trains word vectors on Lexis's embedded default text, the Europarl sample from Apache "
                + "Lucene's test framework (17,597 lines of European Parliament proceedings in many languages, "
                + "fetched by Maven), and prints the nearest words of the query words.",
                "Example: lexis demo --epochs 5 parliament kommission"})
public final class DemoCommand extends Subcommand {

    /** Query words when none are given: English, Spanish and Italian words with telling neighbours. */
    static final List<String> DEFAULT_WORDS = List.of("parliament", "president", "million", "january", "thank",
            "comisión", "commissione");

    @Option(names = "--analyzer", paramLabel = "SPEC", defaultValue = "standard",
            converter = TokenizerOption.class, description = TokenizerOption.DESCRIPTION)
    Tokenizer tokenizer;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "5",
            description = "Vocabulary: words seen at least N times (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--top", paramLabel = "K", defaultValue = "8",
            description = "Nearest words printed per query word (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10",
            description = "Training passes over the text (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", paramLabel = "N",
            description = "Training threads (default: the available processors, here ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--dim", paramLabel = "N", defaultValue = "100",
            description = "Vector dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--model", paramLabel = "cbow|skipgram", defaultValue = "cbow",
            description = "Architecture, as in 'lexis word2vec' (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of every random choice; with --threads 1 the vectors are reproducible "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(paramLabel = "WORD", arity = "0..*",
            description = "Query words (default: parliament president million january thank comisión commissione).")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        checkPositive("--min-count", minCount);
        checkPositive("--top", top);
        checkPositive("--epochs", epochs);
        checkPositive("--threads", threads);
        checkPositive("--dim", dim);
        Word2VecConfig.Architecture architecture = switch (model.toLowerCase(Locale.ROOT)) {
            case "cbow" -> Word2VecConfig.Architecture.CBOW;
            case "skipgram", "skip-gram", "sg" -> Word2VecConfig.Architecture.SKIP_GRAM;
            default -> throw new UsageException("--model must be cbow or skipgram, got "
                    + model);
        };
        List<String> queries = normalize(words.isEmpty() ? DEFAULT_WORDS : words);
        PrintWriter out = out();
        Path tokens = Files.createTempFile("lexis-demo-", ".txt");
        tokens.toFile().deleteOnExit();   // also when the run is interrupted (Ctrl-C runs no finally block)
        try {
            long start = System.nanoTime();
            DemoText.Prepared text = DemoText.prepare(tokenizer, tokens);
            Vocabulary all = text.counts();
            long kept = 0;
            int keptWords = 0;
            for (int id = 0; id < all.size() && all.countOf(id) >= minCount; id++) {
                kept += all.countOf(id);
                keptWords++;
            }
            out.printf(Locale.ROOT, "Text: the Europarl sample of %s: %,d lines (%.1f MB) of European Parliament "
                    + "proceedings in many languages%n", DemoText.source(), text.lines(), text.bytes() / 1e6);
            out.printf(Locale.ROOT, "Tokens (%s analyzer): %,d; distinct words: %,d; seen at least %d times: %,d, "
                            + "covering %.1f%% of the tokens [%.1f s]%n",
                    tokenizer.spec(), all.totalTokens(), all.size(), minCount, keptWords,
                    100.0 * kept / Math.max(1, all.totalTokens()), seconds(start));
            out.flush();

            Word2VecConfig config = Word2VecConfig.defaults()
                    .withArchitecture(architecture)
                    .withEmbeddingDim(dim)
                    .withEpochs(epochs)
                    .withThreads(threads)
                    .withMinCount(minCount)
                    .withSeed(seed)
                    .withAnalyzer("whitespace");   // the text is tokenized already
            start = System.nanoTime();
            WordVectors vectors = new Word2VecTrainer(config).train(tokens, progress -> {
                if (progress.epochEnd() || verbose()) {
                    note(progress.toString());
                }
            });
            out.printf(Locale.ROOT, "Word vectors: %s, dimension %d, window %d, %s, %d epochs, %d threads: "
                            + "%,d words [%.1f s]%n",
                    config.architecture() == Word2VecConfig.Architecture.CBOW ? "CBOW" : "Skip-gram",
                    config.embeddingDim(), config.window(), loss(config), config.epochs(), config.threads(),
                    vectors.size(), seconds(start));
            out.println("Nearest words by cosine similarity:");
            int width = queries.stream().mapToInt(String::length).max().orElse(0);
            for (String word : queries) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s ", word));
                if (!vectors.contains(word)) {
                    line.append(" (not in the vocabulary: fewer than ").append(minCount).append(" occurrences)");
                } else {
                    List<Neighbor> nearest = vectors.nearest(word, top);
                    for (int i = 0; i < nearest.size(); i++) {
                        line.append(i == 0 ? " " : ", ").append(nearest.get(i).word())
                                .append(String.format(Locale.ROOT, " %.2f", nearest.get(i).similarity()));
                    }
                }
                out.println(line);
            }
            out.flush();
            return Main.OK;
        } finally {
            Files.deleteIfExists(tokens);
        }
    }

    private static String loss(Word2VecConfig config) {
        String negative = config.negative() > 0 ? "negative sampling (" + config.negative() + ")" : "";
        String hs = config.hierarchicalSoftmax() ? "hierarchical softmax" : "";
        return negative.isEmpty() ? hs : hs.isEmpty() ? negative : hs + " + " + negative;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Query words analyzed like the text, so "Parliament" finds "parliament". */
    private List<String> normalize(List<String> raw) {
        List<String> normalized = new ArrayList<>();
        for (String word : raw) {
            List<String> tokens = tokenizer.tokenize(word);
            normalized.add(tokens.size() == 1 ? tokens.get(0) : word);
        }
        return normalized;
    }

    private void checkPositive(String option, long value) {
        if (value < 1) {
            throw new UsageException(option + " must be >= 1, got " + value);
        }
    }
}
