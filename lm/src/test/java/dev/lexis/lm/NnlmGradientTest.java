package dev.lexis.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the fused NNLM backward pass: the update of one SGD step with rate 1 and no
 * weight decay is minus the gradient, which must match (L(θ + h) − L(θ − h)) / 2h of the mean loss.
 */
class NnlmGradientTest {

    static LmVocabulary vocabulary(int size) {
        List<String> words = new ArrayList<>(List.of(LmVocabulary.EOS, LmVocabulary.UNK));
        long[] counts = new long[size];
        counts[0] = 5;
        counts[1] = 3;
        for (int i = 2; i < size; i++) {
            words.add("w" + i);
            counts[i] = 40 - i;
        }
        return LmVocabulary.of(words, counts);
    }

    @Test
    void softmaxGradientsMatchFiniteDifferences() {
        check(NnlmConfig.OutputLayer.SOFTMAX, false, OutputKernel.get(), 5);
        check(NnlmConfig.OutputLayer.SOFTMAX, false, OutputKernel.scalar(), 5);
    }

    @Test
    void directConnectionGradientsMatchFiniteDifferences() {
        check(NnlmConfig.OutputLayer.SOFTMAX, true, OutputKernel.get(), 6);
        check(NnlmConfig.OutputLayer.SOFTMAX, true, OutputKernel.scalar(), 3);
    }

    @Test
    void hierarchicalSoftmaxGradientsMatchFiniteDifferences() {
        // one row: the path rows are updated in sequence, so the step is the gradient only within one row
        check(NnlmConfig.OutputLayer.HIERARCHICAL_SOFTMAX, false, OutputKernel.get(), 1);
        check(NnlmConfig.OutputLayer.HIERARCHICAL_SOFTMAX, true, OutputKernel.get(), 1);
    }

    @Test
    void dropoutGradientsMatchFiniteDifferencesWithTheSameMasks() {
        check(NnlmConfig.OutputLayer.SOFTMAX, false, OutputKernel.get(), 5, 0.3);
        check(NnlmConfig.OutputLayer.SOFTMAX, true, OutputKernel.scalar(), 4, 0.5);
        check(NnlmConfig.OutputLayer.HIERARCHICAL_SOFTMAX, true, OutputKernel.get(), 1, 0.3);
    }

    @Test
    void fofeInputGradientsMatchFiniteDifferences() {
        // window 4 > n − 1 = 2: the FOFE block reaches words the concatenated context does not; the stream has
        // a repeated word, so one row of C gets contributions from both blocks and several rows
        check(NnlmConfig.OutputLayer.SOFTMAX, false, OutputKernel.get(), 5, 0, 0.7, 4);
        check(NnlmConfig.OutputLayer.SOFTMAX, true, OutputKernel.scalar(), 4, 0, 0.6, 4);
        check(NnlmConfig.OutputLayer.SOFTMAX, false, OutputKernel.get(), 5, 0.3, 0.8, 0);
        check(NnlmConfig.OutputLayer.HIERARCHICAL_SOFTMAX, false, OutputKernel.get(), 1, 0, 0.7, 3);
    }

    private static void check(NnlmConfig.OutputLayer output, boolean direct, OutputKernel kernel, int rows) {
        check(output, direct, kernel, rows, 0);
    }

    private static void check(NnlmConfig.OutputLayer output, boolean direct, OutputKernel kernel, int rows,
                              double dropout) {
        check(output, direct, kernel, rows, dropout, 0, 0);
    }

    private static void check(NnlmConfig.OutputLayer output, boolean direct, OutputKernel kernel, int rows,
                              double dropout, double fofe, int fofeWindow) {
        LmVocabulary vocab = vocabulary(13);
        NnlmConfig config = NnlmConfig.defaults().withContextSize(2).withEmbeddingDim(3).withHiddenSize(5)
                .withDirect(direct).withOutputLayer(output).withDropout(dropout).withFofe(fofe)
                .withFofeWindow(fofeWindow);
        NnlmWeights w = new NnlmWeights(config, vocab, kernel);
        w.initialize(vocab, 11);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < w.c.length; i++) {
            w.c[i] *= 0.5f;
        }
        for (int i = 0; i < w.d.length; i++) {
            w.d[i] = (float) (random.nextDouble() - 0.5) * 0.2f;
        }
        int[] stream = new int[rows + 2 + (fofe > 0 ? 3 : 0)];
        for (int i = 0; i < stream.length; i++) {
            stream[i] = random.nextInt(vocab.size());
        }
        stream[1] = stream[0]; // a repeated context word: its row of C gets two contributions
        NnlmWorker worker = new NnlmWorker(w, kernel, rows, true);
        worker.dropoutSeed = 42;
        int start = stream.length - rows;
        for (int r = 0; r < rows; r++) {
            worker.load(r, stream, start + r);
        }
        NnlmWeights before = w.copy(vocab);
        worker.update.lr = 1f;
        worker.trainStep(rows);
        NnlmWeights after = w.copy(vocab);
        w.copyFrom(before);

        String what = output + (direct ? " direct" : "") + " " + kernel.name() + " dropout " + dropout
                + " fofe " + fofe + " K " + config.effectiveFofeWindow();
        int checked = 0;
        checked += checkArray(what + " C", w, w.c, before.c, after.c, worker, rows, all(w.c.length));
        checked += checkArray(what + " H", w, w.h, before.h, after.h, worker, rows, all(w.h.length));
        checked += checkArray(what + " d", w, w.d, before.d, after.d, worker, rows, all(w.d.length));
        List<Integer> outIdx = new ArrayList<>();
        for (int r = 0; r < w.outRows(); r++) {
            for (int j = 0; j < w.k; j++) {
                outIdx.add(w.hs ? r * w.k + j : j * w.vp + r);
            }
        }
        checked += checkArray(what + " U", w, w.out, before.out, after.out, worker, rows, outIdx);
        checked += checkArray(what + " b", w, w.outBias, before.outBias, after.outBias, worker, rows,
                all(w.outRows()));
        assertTrue(checked > 50, "checked " + checked);
    }

    private static List<Integer> all(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    private static int checkArray(String name, NnlmWeights w, float[] param, float[] before, float[] after,
                                  NnlmWorker worker, int rows, List<Integer> indices) {
        int checked = 0;
        for (int idx : indices) {
            double analytic = before[idx] - after[idx];
            float saved = param[idx];
            double h = 1e-2;
            param[idx] = (float) (saved + h);
            double plus = -worker.evaluate(rows, true) / rows;
            param[idx] = (float) (saved - h);
            double minus = -worker.evaluate(rows, true) / rows;
            param[idx] = saved;
            double numeric = (plus - minus) / (2 * h);
            double tolerance = 2e-3 + 2e-2 * Math.abs(numeric);
            assertEquals(numeric, analytic, tolerance, name + "[" + idx + "]: finite difference " + numeric
                    + ", backward " + analytic);
            checked++;
        }
        return checked;
    }
}
