package dev.lexis.lm;

import dev.lexis.nn.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * An interpolated modified Kneser-Ney n-gram model (Chen and Goodman 1998, "An Empirical Study of Smoothing
 * Techniques for Language Modeling", section 3), the baseline the NNLM is compared with (Bengio et al. 2003
 * compare with interpolated Kneser-Ney too). Orders 2 to 5, over the same {@link LmVocabulary} and stream
 * conventions as the NNLM, so that perplexities compare like with like.
 *
 * <p>For a context h and a word w, with h' the context without its oldest word,
 * <pre>
 *   p(w | h) = max(c(h w) − D(c(h w)), 0) / c(h) + γ(h) · p(w | h'),
 *   γ(h)     = (D1 · N1(h •) + D2 · N2(h •) + D3+ · N3+(h •)) / c(h),     c(h) = Σ_w c(h w)
 * </pre>
 * where c is the count at the highest order and the continuation count N1+(• h w) (the number of distinct
 * words seen before h w) at lower orders, N_k(h •) the number of words with that count k after h, and the
 * discounts of each order come from its count-of-counts n1…n4: Y = n1 / (n1 + 2 n2), D1 = 1 − 2Y n2/n1,
 * D2 = 2 − 3Y n3/n2, D3+ = 3 − 4Y n4/n3 (each kept in [0.05, k]). The lowest order interpolates with the uniform distribution 1/|V|,
 * so every symbol has a non-zero probability. An unseen context (c(h) = 0) backs off to h' entirely.
 *
 * <p>Immutable and thread-safe. Counts are held in hash tables of (context node, word) → id; a 5-gram model
 * of the 800k-token Brown training text takes about 150 MB.
 */
public final class KneserNeyModel implements LanguageModel {
    /** The model-file kind. */
    public static final String KIND = "kneser-ney";

    private final LmVocabulary vocabulary;
    private final int order;
    private final int minCount;
    private final int maxVocab;
    // context nodes: node 0 is the empty context; node (parent, word) extends parent's context by one older word
    private final int[] ctxParent;
    private final int[] ctxWord;
    private final int[] ctxLength;
    private final long[] ctxTotal;
    private final int[][] ctxN; // ctxN[k][node]: number of words with count k+1 (k = 2: 3 or more) after it
    private final LongIntMap ctxIndex;
    // grams (context node, word) with their (continuation) counts
    private final int[] gramCtx;
    private final int[] gramWord;
    private final int[] gramCount;
    private final LongIntMap gramIndex;
    private final double[][] discounts; // [order 1..n][count 1..3]

    private KneserNeyModel(LmVocabulary vocabulary, int order, int minCount, int maxVocab, int[] ctxParent,
                           int[] ctxWord, int[] gramCtx, int[] gramWord, int[] gramCount) {
        this.vocabulary = vocabulary;
        this.order = order;
        this.minCount = minCount;
        this.maxVocab = maxVocab;
        int nodes = ctxParent.length;
        this.ctxParent = ctxParent;
        this.ctxWord = ctxWord;
        this.ctxLength = new int[nodes];
        this.ctxIndex = new LongIntMap(nodes);
        for (int node = 1; node < nodes; node++) {
            if (ctxParent[node] < 0 || ctxParent[node] >= node) {
                throw new IllegalArgumentException("context node " + node + " has parent " + ctxParent[node]);
            }
            ctxLength[node] = ctxLength[ctxParent[node]] + 1;
            ctxIndex.getOrPut(LongIntMap.key(ctxParent[node], ctxWord[node]), node);
        }
        int grams = gramCtx.length;
        this.gramCtx = gramCtx;
        this.gramWord = gramWord;
        this.gramCount = gramCount;
        this.gramIndex = new LongIntMap(grams);
        this.ctxTotal = new long[nodes];
        this.ctxN = new int[3][nodes];
        long[][] countOfCounts = new long[order + 1][5];
        for (int g = 0; g < grams; g++) {
            int ctx = gramCtx[g];
            int c = gramCount[g];
            gramIndex.getOrPut(LongIntMap.key(ctx, gramWord[g]), g);
            ctxTotal[ctx] += c;
            if (c > 0) {
                ctxN[Math.min(c, 3) - 1][ctx]++;
                if (c <= 4) {
                    countOfCounts[ctxLength[ctx] + 1][c]++;
                }
            }
        }
        this.discounts = new double[order + 1][];
        for (int k = 1; k <= order; k++) {
            discounts[k] = discounts(countOfCounts[k]);
        }
    }

    /** Chen and Goodman's estimates from count-of-counts n[1..4], each clamped to [0.05, k]; fallbacks for tiny data. */
    static double[] discounts(long[] n) {
        double[] d = {0, 0.5, 1.0, 1.5};
        if (n[1] > 0 && n[2] > 0) {
            double y = n[1] / (n[1] + 2.0 * n[2]);
            d[1] = 1 - 2 * y * n[2] / n[1];
            if (n[3] > 0) {
                d[2] = 2 - 3 * y * n[3] / n[2];
                if (n[4] > 0) {
                    d[3] = 3 - 4 * y * n[4] / n[3];
                }
            }
        }
        for (int k = 1; k <= 3; k++) {
            // a positive floor keeps γ(h) > 0, so no symbol ever gets probability 0 (tiny or odd data)
            d[k] = Math.max(0.05, Math.min(k, d[k]));
        }
        return d;
    }

    /**
     * Counts the training file and builds the model.
     *
     * @param trainFile one tokenized sentence per line
     * @param order     n, 2 to 5
     * @param minCount  vocabulary: words seen at least this often (see {@link LmVocabulary#build})
     * @param maxVocab  vocabulary size limit, 0 = none
     * @throws IllegalArgumentException for an empty file or a bad argument (named)
     */
    public static KneserNeyModel train(Path trainFile, int order, int minCount, int maxVocab) {
        checkOrder(order);
        LmVocabulary vocabulary = LmVocabulary.build(trainFile, minCount, maxVocab);
        return train(vocabulary, vocabulary.encode(trainFile).ids(), order, minCount, maxVocab);
    }

    /**
     * Builds the model from a training stream already encoded with {@code vocabulary}.
     *
     * @throws IllegalArgumentException if order is not 2..5, the stream is empty or an id is out of range
     */
    public static KneserNeyModel train(LmVocabulary vocabulary, int[] ids, int order, int minCount, int maxVocab) {
        checkOrder(order);
        if (ids.length == 0) {
            throw new IllegalArgumentException("no training tokens");
        }
        LmFiles.checkIds(ids, vocabulary.size());
        // context nodes, grown as arrays
        int[][] cp = {new int[1 << 16]};
        int[][] cw = {new int[1 << 16]};
        int nodes = 1;
        cp[0][0] = -1;
        LongIntMap ctxIndex = new LongIntMap(ids.length * 2);
        Grams grams = new Grams(ids.length * 2);
        for (int t = 0; t < ids.length; t++) {
            int ctx = 0;
            for (int j = 1; j < order; j++) {
                int word = t - j >= 0 ? ids[t - j] : LmVocabulary.EOS_ID;
                int r = ctxIndex.getOrPut(LongIntMap.key(ctx, word), nodes);
                if (r < 0) {
                    if (nodes == cp[0].length) {
                        cp[0] = Arrays.copyOf(cp[0], nodes * 2);
                        cw[0] = Arrays.copyOf(cw[0], nodes * 2);
                    }
                    cp[0][nodes] = ctx;
                    cw[0][nodes] = word;
                    ctx = nodes++;
                } else {
                    ctx = r;
                }
            }
            grams.add(ctx, ids[t], 1);
        }
        int[] parent = Arrays.copyOf(cp[0], nodes);
        int[] length = new int[nodes];
        for (int node = 1; node < nodes; node++) {
            length[node] = length[parent[node]] + 1;
        }
        // continuation counts: each distinct (k+1)-gram adds one to the k-gram without its oldest word
        for (int k = order; k >= 2; k--) {
            int existing = grams.size;
            for (int g = 0; g < existing; g++) {
                int ctx = grams.ctx[g];
                if (length[ctx] + 1 == k) {
                    grams.add(parent[ctx], grams.word[g], 1);
                }
            }
        }
        return new KneserNeyModel(vocabulary, order, minCount, maxVocab, parent, Arrays.copyOf(cw[0], nodes),
                Arrays.copyOf(grams.ctx, grams.size), Arrays.copyOf(grams.word, grams.size),
                Arrays.copyOf(grams.count, grams.size));
    }

    /** Growable (context, word) → count table used while counting. */
    private static final class Grams {
        int[] ctx;
        int[] word;
        int[] count;
        int size;
        final LongIntMap index;

        Grams(int expected) {
            ctx = new int[1 << 16];
            word = new int[1 << 16];
            count = new int[1 << 16];
            index = new LongIntMap(expected);
        }

        void add(int c, int w, int n) {
            int r = index.getOrPut(LongIntMap.key(c, w), size);
            if (r >= 0) {
                count[r] += n;
                return;
            }
            if (size == ctx.length) {
                ctx = Arrays.copyOf(ctx, size * 2);
                word = Arrays.copyOf(word, size * 2);
                count = Arrays.copyOf(count, size * 2);
            }
            ctx[size] = c;
            word[size] = w;
            count[size] = n;
            size++;
        }
    }

    private static void checkOrder(int order) {
        if (order < 2 || order > 5) {
            throw new IllegalArgumentException("order must be 2 to 5, got " + order);
        }
    }

    @Override
    public LmVocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int order() {
        return order;
    }

    /** The discounts D1, D2, D3+ of order k (1 ≤ k ≤ order()), as a new array of 3. */
    public double[] discountsOfOrder(int k) {
        if (k < 1 || k > order) {
            throw new IllegalArgumentException("order " + k + " out of range [1, " + order + "]");
        }
        return Arrays.copyOfRange(discounts[k], 1, 4);
    }

    /** The number of distinct n-grams of all orders stored. */
    public int gramCount() {
        return gramCtx.length;
    }

    /** p(word | the {@code order()-1} ids before {@code pos} in {@code ids}, {@code </s>} before the start). */
    private double probability(int[] ids, int pos, int word) {
        double p = 1.0 / vocabulary.size();
        int ctx = 0;
        for (int j = 0; j < order; j++) {
            if (j > 0) {
                int h = pos - j >= 0 ? ids[pos - j] : LmVocabulary.EOS_ID;
                ctx = ctxIndex.get(LongIntMap.key(ctx, h));
                if (ctx < 0) {
                    break;
                }
            }
            long total = ctxTotal[ctx];
            if (total == 0) {
                continue;
            }
            double[] d = discounts[j + 1];
            int g = gramIndex.get(LongIntMap.key(ctx, word));
            int c = g < 0 ? 0 : gramCount[g];
            double gamma = (d[1] * ctxN[0][ctx] + d[2] * ctxN[1][ctx] + d[3] * ctxN[2][ctx]) / total;
            p = (c == 0 ? 0 : c - d[Math.min(c, 3)]) / total + gamma * p;
        }
        return p;
    }

    @Override
    public double[] logProbabilities(int[] ids) {
        LmFiles.checkIds(ids, vocabulary.size());
        double[] out = new double[ids.length];
        for (int t = 0; t < ids.length; t++) {
            out[t] = Math.log(probability(ids, t, ids[t]));
        }
        return out;
    }

    @Override
    public double[] nextDistribution(int[] context) {
        LmFiles.checkIds(context, vocabulary.size());
        int[] stream = Arrays.copyOf(context, context.length + 1);
        double[] out = new double[vocabulary.size()];
        for (int w = 0; w < out.length; w++) {
            out[w] = probability(stream, context.length, w);
        }
        return out;
    }

    @Override
    public void save(Path file) throws IOException {
        toModelFile().save(file);
    }

    ModelFile toModelFile() {
        ModelFile.Builder b = ModelFile.builder(KIND)
                .config("order", Integer.toString(order))
                .config("min_count", Integer.toString(minCount))
                .config("max_vocab", Integer.toString(maxVocab))
                .vocabulary(vocabulary.words(), vocabulary.counts())
                .ints("context.parent", ctxParent)
                .ints("context.word", ctxWord)
                .ints("gram.context", gramCtx)
                .ints("gram.word", gramWord)
                .ints("gram.count", gramCount);
        for (int k = 1; k <= order; k++) {
            b.config("discounts." + k, String.format(Locale.ROOT, "%.6f,%.6f,%.6f",
                    discounts[k][1], discounts[k][2], discounts[k][3]));
        }
        return b.build();
    }

    /**
     * Reads a Kneser-Ney model file.
     *
     * @throws IOException if the file cannot be read, is damaged or holds another kind of model
     */
    public static KneserNeyModel load(Path file) throws IOException {
        return fromModelFile(ModelFile.load(file, KIND));
    }

    static KneserNeyModel fromModelFile(ModelFile model) {
        int order = LmFiles.intConfig(model, "order");
        checkOrder(order);
        int[] parent = model.ints("context.parent");
        int[] word = model.ints("context.word");
        int[] gctx = model.ints("gram.context");
        int[] gword = model.ints("gram.word");
        int[] gcount = model.ints("gram.count");
        if (parent.length != word.length || gctx.length != gword.length || gctx.length != gcount.length) {
            throw new IllegalArgumentException(model.source() + ": inconsistent n-gram tables");
        }
        return new KneserNeyModel(LmFiles.vocabulary(model), order, LmFiles.intConfig(model, "min_count"),
                LmFiles.intConfig(model, "max_vocab"), parent, word, gctx, gword, gcount);
    }

    @Override
    public String toString() {
        return "KneserNeyModel[order " + order + ", " + vocabulary.size() + " words, " + gramCtx.length + " n-grams]";
    }
}
