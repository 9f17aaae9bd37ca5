package dev.lexis.cli.embeddings;

import dev.lexis.cli.Subcommand;
import dev.lexis.embeddings.HnswIndex;
import dev.lexis.embeddings.UnknownWordException;
import dev.lexis.embeddings.WordVectors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.OptionalInt;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;
import dev.lexis.cli.args.Parameters;

/** {@code lexis nearest}: the nearest words by cosine similarity, for words given or typed at a prompt. */
@Command(name = "nearest",
        description = {"Prints the words nearest to each WORD by cosine similarity; with FILE.subwords beside the "
                + "vectors (lexis word2vec --minn/--maxn), also for words outside the vocabulary.",
                "Without WORD, reads queries from standard input like the word2vec C tool's distance: one per line; "
                        + "several words on a line are added; EXIT or an empty line ends.",
                "Search is exact, unless an HNSW index FILE.hnsw (Lucene) lies beside the vectors: then it is used "
                        + "(approximate, recall@10 about 0.99; similarities exact). --approximate builds it first if "
                        + "missing (for a million words and more); --exact ignores it.",
                "Example: lexis nearest --vectors vectors.bin king paris"})
public final class NearestCommand extends Subcommand {

    @Option(names = "--vectors", required = true, paramLabel = "FILE", description = "Vectors (.bin, .txt, .vec).")
    Path vectorsFile;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Words per query (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--approximate", description = "Use the HNSW index FILE.hnsw beside the vectors; build it first "
            + "if missing.")
    boolean approximate;

    @Option(names = "--exact", description = "Exact search even if FILE.hnsw exists.")
    boolean exact;

    @Parameters(paramLabel = "WORD", arity = "0..*", description = "Query words (none: interactive prompt).")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new UsageException("--top must be >= 1, got " + top);
        }
        if (approximate && exact) {
            throw new UsageException("--approximate and --exact exclude each other");
        }
        WordVectors v = WordVectors.load(vectorsFile);
        Path indexDir = HnswIndex.pathFor(vectorsFile);
        HnswIndex index = null;
        if (approximate) {
            Optional<HnswIndex> open = HnswIndex.open(v, indexDir);
            if (open.isEmpty()) {
                err().printf(Locale.ROOT, "building the HNSW index %s (%,d words) ...%n", indexDir, v.size());
                err().flush();
                long t0 = System.nanoTime();
                index = HnswIndex.build(v, indexDir);
                err().printf(Locale.ROOT, "built %s in %.1f s%n", indexDir, (System.nanoTime() - t0) / 1e9);
            } else {
                index = open.get();
            }
        } else if (!exact) {
            index = HnswIndex.open(v, indexDir).orElse(null);
        }
        if (index != null) {
            note("approximate search: HNSW index " + indexDir);
        }
        try {
            return run(v, index);
        } finally {
            if (index != null) {
                index.close();
            }
        }
    }

    private int run(WordVectors v, HnswIndex index) throws IOException {
        if (!words.isEmpty()) {
            for (String w : words) {
                if (v.vector(w).isEmpty()) {
                    throw unknown(v, w);
                }
            }
            for (String w : words) {
                query(v, index, List.of(w));
            }
            return 0;
        }
        note(String.format(Locale.ROOT, "%s: %,d words x %d", vectorsFile, v.size(), v.dimension()));
        BufferedReader in = new BufferedReader(new InputStreamReader(in(), StandardCharsets.UTF_8));
        while (true) {
            err().print("Enter word or sentence (EXIT to break): ");
            err().flush();
            String line = in.readLine();
            if (line == null || line.isBlank() || line.strip().equals("EXIT")) {
                return 0;
            }
            try {
                query(v, index, List.of(line.strip().split("\\s+")));
            } catch (UnknownWordException e) {
                out().println(e.getMessage());
            }
            out().flush();
        }
    }

    private static UnknownWordException unknown(WordVectors v, String word) {
        return new UnknownWordException(word, v.size(), v.subwords().isPresent());
    }

    private void query(WordVectors v, HnswIndex index, List<String> query) throws IOException {
        float[] sum = new float[v.dimension()];
        List<String> exclude = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String w : query) {
            OptionalInt i = v.indexOf(w);
            float[] row;
            if (i.isPresent()) {
                exclude.add(v.word(i.getAsInt()));
                shown.add(v.word(i.getAsInt()));
                row = v.row(i.getAsInt());
            } else {
                // with a subword model (FILE.subwords) a word outside the vocabulary gets a vector from its n-grams
                row = v.vector(w).orElseThrow(() -> unknown(v, w));
                shown.add(w);
            }
            double norm = 0;
            for (float x : row) {
                norm += x * x;
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int d = 0; d < sum.length; d++) {
                sum[d] += (float) (row[d] * inv);
            }
        }
        OptionalInt first = v.indexOf(query.get(0));
        out().printf(Locale.ROOT, "%s (%s):%n", String.join(" ", shown), first.isPresent()
                ? String.format(Locale.ROOT, "word %d of %d", first.getAsInt() + 1, v.size())
                : "not in the vocabulary; composed from its character n-grams");
        VectorsOption.print(out(), index != null ? index.nearest(sum, top, exclude) : v.nearest(sum, top, exclude));
    }
}
