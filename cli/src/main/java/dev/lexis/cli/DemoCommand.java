package dev.lexis.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.lexis.tokenize.Tokenizer;
import dev.lexis.tokenize.Vocabulary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lexis demo}: the README's first command. Builds the vocabulary of the embedded Europarl text
 * (see {@link DemoText}) and prints its statistics, its most frequent words, and the counts of the query words.
 */
@Command(name = "demo",
        description = {"Runs Lexis on its embedded default text, the Europarl sample from Apache Lucene's test "
                + "framework (17,597 lines of European Parliament proceedings in many languages, fetched by Maven): "
                + "tokenizes it, builds the vocabulary and prints its statistics and the query words.",
                "Example: lexis demo parliament kommission"})
public final class DemoCommand extends Subcommand {

    /** Query words when none are given: frequent words of several of the text's languages. */
    static final List<String> DEFAULT_WORDS = List.of("parliament", "commission", "europe", "president");

    @Option(names = "--analyzer", paramLabel = "SPEC", defaultValue = "standard",
            converter = TokenizerOption.class, description = TokenizerOption.DESCRIPTION)
    Tokenizer tokenizer;

    @Option(names = "--min-count", paramLabel = "N", defaultValue = "5",
            description = "Vocabulary: words seen at least N times (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10",
            description = "How many words to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(paramLabel = "WORD", arity = "0..*",
            description = "Query words (default: parliament commission europe president).")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        checkPositive("--min-count", minCount);
        checkPositive("--top", top);
        List<String> queries = words.isEmpty() ? DEFAULT_WORDS : normalize(words);
        PrintWriter out = out();
        Path tokens = Files.createTempFile("lexis-demo-", ".txt");
        try {
            long start = System.nanoTime();
            DemoText.Prepared text = DemoText.prepare(tokenizer, tokens);
            Vocabulary all = text.counts();
            Vocabulary vocabulary = all.size() == 0 ? all : vocabularyOf(all, minCount);
            out.printf(Locale.ROOT, "Text: the Europarl sample of %s, %,d lines (%.1f MB) of European Parliament "
                            + "proceedings in many languages%n", DemoText.source(), text.lines(), text.bytes() / 1e6);
            out.printf(Locale.ROOT, "Tokens (%s analyzer): %,d; distinct words: %,d; vocabulary (min-count %d): "
                            + "%,d words covering %.1f%% of the tokens [%.1f s]%n",
                    tokenizer.spec(), all.totalTokens(), all.size(), minCount, vocabulary.size(),
                    100.0 * vocabulary.totalTokens() / Math.max(1, all.totalTokens()),
                    (System.nanoTime() - start) / 1e9);
            out.print("Most frequent:");
            for (int id = 0; id < Math.min(top, vocabulary.size()); id++) {
                out.print(" " + vocabulary.wordOf(id) + " (" + String.format(Locale.ROOT, "%,d", vocabulary.countOf(id))
                        + ")");
            }
            out.println();
            for (String word : queries) {
                var id = vocabulary.idOf(word);
                if (id.isPresent()) {
                    out.printf(Locale.ROOT, "%s: rank %,d, count %,d%n", word, id.getAsInt() + 1,
                            vocabulary.countOf(id.getAsInt()));
                } else {
                    out.printf(Locale.ROOT, "%s: not in the vocabulary (%,d words)%n", word, vocabulary.size());
                }
            }
            out.flush();
            return Main.OK;
        } finally {
            Files.deleteIfExists(tokens);
        }
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

    private static Vocabulary vocabularyOf(Vocabulary counts, int minCount) {
        var builder = Vocabulary.builder();
        for (int id = 0; id < counts.size(); id++) {
            builder.add(counts.wordOf(id), counts.countOf(id));
        }
        return builder.build(minCount, Integer.MAX_VALUE);
    }

    private void checkPositive(String option, int value) {
        if (value < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    option + " must be >= 1, got " + value);
        }
    }
}
