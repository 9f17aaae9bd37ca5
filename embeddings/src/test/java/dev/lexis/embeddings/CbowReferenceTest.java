package dev.lexis.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.embeddings.Word2VecConfig.Architecture;
import dev.lexis.nn.HuffmanTree;
import dev.lexis.nn.UnigramSampler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CBOW with hierarchical softmax against plain loops written from the C tool's and gensim's description of the
 * step (Mikolov et al. 2013): the hidden vector is the mean of the context rows (cbow_mean=1; with the sum, the
 * error is divided by the context size, as gensim does); along the word's Huffman path, a node with |f| &gt;= 6 is
 * skipped, the others give g = (1 - code - sigma(f)) alpha, the error gathers g times the node's old row and the
 * node's row gains g times the hidden vector; the error is then added, undivided, to every context row.
 *
 * <p>Window 1 and no subsampling leave no random choice after the initial vectors (the window draw b = rand % 1
 * is always 0), so the plain loops must give the trainer's vectors to rounding (the trainer's dot products use
 * the Vector API's lane order).
 */
class CbowReferenceTest {

    private static final List<String> CORPUS = List.of(
            "a b c a d",
            "b c a",
            "d a b c e a",
            "c a b",
            "e e d a",
            "a c",
            "b");

    private static Word2VecConfig config(boolean mean) {
        return Word2VecConfig.defaults().withArchitecture(Architecture.CBOW).withLoss("hs").withEmbeddingDim(5)
                .withWindow(1).withMinCount(1).withSample(0).withEpochs(2).withAlpha(0.5).withThreads(1)
                .withStreams(1).withSeed(3).withCbowMean(mean);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void cbowHsMatchesPlainLoops(boolean mean) throws IOException {
        Word2VecConfig c = config(mean);
        WordVectors trained = new Word2VecTrainer(c).train(CORPUS, TrainingListener.NONE);
        Map<String, float[]> expected = reference(c, CORPUS);
        assertEquals(expected.keySet().stream().toList(), trained.words(), "vocabulary order");
        float[][] init = initialRows(c, expected.size());
        boolean moved = false;
        for (var e : expected.entrySet()) {
            float[] got = trained.vector(e.getKey()).orElseThrow();
            for (int d = 0; d < c.embeddingDim(); d++) {
                assertEquals(e.getValue()[d], got[d], 2e-5f, "word " + e.getKey() + ", dimension " + d);
            }
            moved |= !Arrays.equals(init[trained.indexOf(e.getKey()).orElseThrow()], got);
        }
        assertTrue(moved, "training changed no vector");
    }

    /**
     * One step by hand: corpus "x y", so the tree has one inner node (the root, row 0 of syn1, zero at first).
     * Position 0 predicts x from y: f = 0, sigma = 0.5 (table entry 500), g0 = (1 - code(x) - 0.5) alpha; the error
     * g0 times the old (zero) root row leaves y unchanged, and root = g0 y. Position 1 predicts y from x:
     * f = x . root = g0 (x . y), g1 = (1 - code(y) - sigma(f)) alpha; x gains g1 root = g1 g0 y.
     */
    @Test
    void oneCbowHsStepByHand() throws IOException {
        Word2VecConfig c = config(true).withEpochs(1).withAlpha(0.25);
        WordVectors trained = new Word2VecTrainer(c).train(List.of("x y"), TrainingListener.NONE);
        float[][] init = initialRows(c, 2);
        int ix = trained.indexOf("x").orElseThrow();
        int iy = trained.indexOf("y").orElseThrow();
        HuffmanTree tree = HuffmanTree.of(new long[] {1, 1});
        int codeX = tree.codes(ix)[0];
        int codeY = tree.codes(iy)[0];
        assertNotEquals(codeX, codeY);
        float alpha = 0.25f;
        float g0 = (1 - codeX - 0.5f) * alpha;
        float dotXy = 0;
        for (int d = 0; d < 5; d++) {
            dotXy += init[ix][d] * init[iy][d];
        }
        float g1 = (1 - codeY - sigmoidTable(g0 * dotXy)) * alpha;
        float[] x = trained.vector("x").orElseThrow();
        float[] y = trained.vector("y").orElseThrow();
        for (int d = 0; d < 5; d++) {
            assertEquals(init[iy][d], y[d], 0f, "y is unchanged (the root row was zero when y was a context)");
            assertEquals(init[ix][d] + g1 * g0 * init[iy][d], x[d], 1e-7f, "x, dimension " + d);
        }
    }

    /** The trainer's table: 1,000 entries over (-6, 6), entry (int) ((f + 6) * 1000 / 12). */
    private static float sigmoidTable(float f) {
        int i = (int) ((f + 6f) * (1000 / 6f / 2));
        double x = (i / 1000.0 * 2 - 1) * 6;
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** The trainer's initial rows: uniform in (-0.5 / dim, 0.5 / dim) from the seed, word by word, as word2vec.c. */
    private static float[][] initialRows(Word2VecConfig c, int vocabSize) {
        int dim = c.embeddingDim();
        float[][] syn0 = new float[vocabSize][dim];
        long r = c.seed() * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int w = 0; w < vocabSize; w++) {
            for (int d = 0; d < dim; d++) {
                r = UnigramSampler.nextRandom(r);
                float u = (UnigramSampler.mix(r) >>> 40) / (float) (1 << 24);
                syn0[w][d] = (u - 0.5f) / dim;
            }
        }
        return syn0;
    }

    /** CBOW-HS in plain loops (window 1, no subsampling, one thread): the vectors by word, most frequent first. */
    private static Map<String, float[]> reference(Word2VecConfig c, List<String> lines) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : lines) {
            for (String w : line.split(" ")) {
                counts.merge(w, 1L, Long::sum);
            }
        }
        List<String> vocab = new ArrayList<>(counts.keySet()); // first appearance, then a stable sort by count
        vocab.sort((a, b) -> Long.compare(counts.get(b), counts.get(a)));
        int v = vocab.size();
        long[] cnt = new long[v];
        long total = 0;
        for (int i = 0; i < v; i++) {
            cnt[i] = counts.get(vocab.get(i));
            total += cnt[i];
        }
        HuffmanTree tree = HuffmanTree.of(cnt);
        int dim = c.embeddingDim();
        float[][] syn0 = initialRows(c, v);
        float[][] syn1 = new float[v - 1][dim];
        float[] h = new float[dim];
        float[] e = new float[dim];
        for (int epoch = 0; epoch < c.epochs(); epoch++) {
            // the rate is updated every 10,000 words; this corpus is shorter, so it is the epoch's starting rate
            float alpha = (float) (c.effectiveAlpha()
                    * Math.max(1e-4, 1 - total * epoch / (double) (total * c.epochs() + 1)));
            for (String line : lines) {
                String[] toks = line.split(" ");
                int[] s = new int[toks.length];
                for (int i = 0; i < toks.length; i++) {
                    s[i] = vocab.indexOf(toks[i]);
                }
                if (s.length < 2) {
                    continue;
                }
                for (int pos = 0; pos < s.length; pos++) {
                    List<Integer> ctx = new ArrayList<>();
                    for (int p = Math.max(0, pos - 1); p <= Math.min(s.length - 1, pos + 1); p++) {
                        if (p != pos) {
                            ctx.add(s[p]);
                        }
                    }
                    Arrays.fill(h, 0f);
                    for (int w : ctx) {
                        for (int d = 0; d < dim; d++) {
                            h[d] += syn0[w][d];
                        }
                    }
                    float scale = c.cbowMean() ? 1f / ctx.size() : 1f;
                    for (int d = 0; d < dim; d++) {
                        h[d] *= scale;
                    }
                    Arrays.fill(e, 0f);
                    int[] points = tree.points(s[pos]);
                    int[] codes = tree.codes(s[pos]);
                    for (int k = 0; k < points.length; k++) {
                        float[] node = syn1[points[k]];
                        double f = 0;
                        for (int d = 0; d < dim; d++) {
                            f += h[d] * node[d];
                        }
                        if (f <= -6 || f >= 6) {
                            continue; // as word2vec.c and gensim: no update at all
                        }
                        float g = (1 - codes[k] - sigmoidTable((float) f)) * alpha;
                        for (int d = 0; d < dim; d++) {
                            e[d] += g * node[d];
                            node[d] += g * h[d];
                        }
                    }
                    if (!c.cbowMean()) {
                        for (int d = 0; d < dim; d++) {
                            e[d] *= 1f / ctx.size();
                        }
                    }
                    for (int w : ctx) {
                        for (int d = 0; d < dim; d++) {
                            syn0[w][d] += e[d];
                        }
                    }
                }
            }
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int i = 0; i < v; i++) {
            out.put(vocab.get(i), syn0[i]);
        }
        return out;
    }
}
