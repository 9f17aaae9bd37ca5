package dev.lexis.cli.embeddings;

import dev.lexis.cli.Subcommand;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.Parameters;
import dev.lexis.embeddings.UnknownWordException;
import dev.lexis.embeddings.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lexis print-vectors}: the vector of each word in the word2vec text format without a header, like
 * {@code fasttext print-word-vectors}; words outside the vocabulary are composed from their character n-grams
 * when the vectors have a subword file (Bojanowski et al. 2017).
 */
@Command(name = "print-vectors",
        description = {"Prints the vector of each WORD as a line \"word v1 ... vD\" (the word2vec text format, no header).",
                "Without WORD, reads one word per line from standard input (empty lines are skipped).",
                "With FILE.subwords beside the vectors (lexis word2vec --minn/--maxn) every word gets a vector, composed "
                        + "from its character n-grams when it is not in the vocabulary; otherwise a word outside the "
                        + "vocabulary is an error naming it (with --skip-unknown: named on stderr and skipped).",
                "Example: lexis print-vectors --vectors vectors.bin filmmakers unfunny"})
public final class PrintVectorsCommand extends Subcommand {

    @Option(names = "--vectors", required = true, paramLabel = "FILE", description = "Vectors (.bin, .txt, .vec).")
    Path vectorsFile;

    @Option(names = "--skip-unknown", description = "Skip words without a vector (named on stderr) instead of stopping.")
    boolean skipUnknown;

    @Parameters(paramLabel = "WORD", arity = "0..*", description = "Words (none: one per line from standard input).")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        WordVectors v = WordVectors.load(vectorsFile);
        PrintWriter out = out();
        StringBuilder sb = new StringBuilder();
        if (!words.isEmpty()) {
            for (String w : words) {
                print(v, w, out, sb);
            }
            return 0;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(in(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String w = line.strip();
            if (!w.isEmpty()) {
                print(v, w, out, sb);
            }
        }
        return 0;
    }

    private void print(WordVectors v, String word, PrintWriter out, StringBuilder sb) {
        Optional<float[]> vec = v.vector(word);
        if (vec.isEmpty()) {
            UnknownWordException e = new UnknownWordException(word, v.size(), v.subwords().isPresent());
            if (skipUnknown) {
                note("skipped: " + e.getMessage());
                return;
            }
            out.flush();
            throw e;
        }
        sb.setLength(0);
        sb.append(word);
        for (float x : vec.get()) {
            sb.append(' ').append(x);
        }
        out.println(sb);
    }
}
