import dev.lexis.corpora.LineReader;
import dev.lexis.corpora.ReadSummary;
import dev.lexis.corpora.TextCorpus;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading speed of dev.lexis.corpora.TextCorpus: lines of strict UTF-8 (decoded to Strings), no tokenization.
 * Run by read-speed.sh (Java's source launcher, against corpora/target/classes). Prints the best of 5 passes.
 */
public class ReadSpeed {
    public static void main(String[] args) {
        for (String arg : args) {
            TextCorpus corpus = TextCorpus.of(Path.of(arg));
            double best = Double.MAX_VALUE;
            ReadSummary summary = null;
            long chars = 0;
            for (int pass = 0; pass < 5; pass++) {
                long start = System.nanoTime();
                chars = 0;
                try (LineReader reader = corpus.open()) {
                    while (reader.next()) {
                        chars += reader.text().length();
                    }
                    summary = reader.summary();
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            System.out.printf(Locale.ROOT, "%s: %,d lines, %,d bytes of text, %,d chars; best of 5: %.2f s = %.0f MB/s%n",
                    arg, summary.lines(), summary.bytes(), chars, best, summary.bytes() / 1e6 / best);
        }
    }
}
