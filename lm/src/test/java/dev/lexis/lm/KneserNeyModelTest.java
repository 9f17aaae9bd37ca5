package dev.lexis.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KneserNeyModelTest {
    @TempDir
    Path dir;

    @Test
    void distributionsSumToOneForEveryOrderAndContext() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 300, 1);
        for (int order = 2; order <= 5; order++) {
            KneserNeyModel kn = KneserNeyModel.train(train, order, 1, 0);
            SplittableRandom r = new SplittableRandom(order);
            for (int trial = 0; trial < 20; trial++) {
                int[] context = new int[r.nextInt(6)];
                for (int i = 0; i < context.length; i++) {
                    context[i] = r.nextInt(kn.vocabulary().size());
                }
                double sum = 0;
                for (double p : kn.nextDistribution(context)) {
                    assertTrue(p > 0, "every symbol has a probability");
                    sum += p;
                }
                assertEquals(1.0, sum, 1e-9, "order " + order + " context " + java.util.Arrays.toString(context));
            }
        }
    }

    @Test
    void discountsFollowChenAndGoodman() {
        double[] d = KneserNeyModel.discounts(new long[] {0, 100, 40, 20, 10});
        double y = 100.0 / (100 + 80);
        assertEquals(1 - 2 * y * 40 / 100, d[1], 1e-12);
        assertEquals(2 - 3 * y * 20 / 40, d[2], 1e-12);
        assertEquals(3 - 4 * y * 10 / 20, d[3], 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 1.0, 1.5}, KneserNeyModel.discounts(new long[5]), 0);
    }

    @Test
    void higherOrdersFitTheGrammarBetterAndSaveLoadKeepsProbabilities() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 2000, 1);
        Path test = TinyCorpus.write(dir, "test.txt", 300, 2);
        KneserNeyModel bigram = KneserNeyModel.train(train, 2, 2, 0);
        KneserNeyModel fivegram = KneserNeyModel.train(train, 5, 2, 0);
        double p2 = Perplexity.of(bigram, test).perplexity();
        double p5 = Perplexity.of(fivegram, test).perplexity();
        assertTrue(p5 < p2, "5-gram " + p5 + " vs bigram " + p2);
        Path file = dir.resolve("kn.lexis");
        fivegram.save(file);
        LanguageModel back = LanguageModel.load(file);
        assertTrue(back instanceof KneserNeyModel);
        assertEquals(p5, Perplexity.of(back, test).perplexity(), 1e-9);
        assertEquals(fivegram.sentenceLogProbability("the cat sees a ball ."),
                back.sentenceLogProbability("the cat sees a ball ."), 1e-12);
    }

    @Test
    void mixtureIsADistributionAndNeedsTheSameVocabulary() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 500, 1);
        Path test = TinyCorpus.write(dir, "test.txt", 100, 2);
        KneserNeyModel a = KneserNeyModel.train(train, 2, 1, 0);
        KneserNeyModel b = KneserNeyModel.train(train, 4, 1, 0);
        InterpolatedModel mix = new InterpolatedModel(a, b, 0.3);
        double sum = 0;
        for (double p : mix.nextDistribution(new int[] {0, 2, 3})) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-9);
        double pa = Perplexity.of(a, test).perplexity();
        double pb = Perplexity.of(b, test).perplexity();
        double pm = Perplexity.of(mix, test).perplexity();
        assertTrue(pm <= Math.max(pa, pb), pm + " vs " + pa + ", " + pb);
        assertEquals(pb, Perplexity.of(new InterpolatedModel(a, b, 0), test).perplexity(), 1e-9);
        // the tuned weight is the best of the grid on the tuning text
        double w = InterpolatedModel.tuneWeight(a, b, test);
        double pw = Perplexity.of(new InterpolatedModel(a, b, w), test).perplexity();
        for (double x : new double[] {0.01, w - 0.01, w + 0.01, 0.99}) {
            if (x >= 0.01 && x <= 0.99) {
                assertTrue(pw <= Perplexity.of(new InterpolatedModel(a, b, x), test).perplexity() + 1e-12, w + " vs " + x);
            }
        }
        // from log-probabilities computed once: the same weight, the same mixture and perplexity
        EncodedText tt = a.vocabulary().encode(test);
        double[] la = a.logProbabilities(tt.ids());
        double[] lb = b.logProbabilities(tt.ids());
        assertEquals(w, InterpolatedModel.tuneWeight(la, lb));
        assertEquals(pw, Perplexity.of(InterpolatedModel.mixLogProbabilities(la, lb, w), tt).perplexity(), 1e-9);
        assertEquals(pa, Perplexity.of(la, tt).perplexity(), 1e-12);
        assertEquals("need one log-probability per token of a non-empty text, got 1 for " + tt.length() + " tokens",
                assertThrows(IllegalArgumentException.class, () -> Perplexity.of(new double[1], tt)).getMessage());
        // EM for k models: with two it lands within the grid step of the grid's weight, and it never does worse
        double[] em = InterpolatedModel.tuneWeights(new double[][] {la, lb});
        assertEquals(1.0, em[0] + em[1], 1e-9);
        assertEquals(w, em[0], 0.011);
        double pem = Perplexity.of(InterpolatedModel.mixLogProbabilities(new double[][] {la, lb}, em), tt).perplexity();
        assertTrue(pem <= pw + 1e-9, pem + " vs " + pw);
        assertEquals(Perplexity.of(new InterpolatedModel(a, b, em[0]), tt).perplexity(), pem, 1e-9);
        KneserNeyModel c = KneserNeyModel.train(train, 3, 1, 0);
        double[] lc = c.logProbabilities(tt.ids());
        double[] em3 = InterpolatedModel.tuneWeights(new double[][] {la, lb, lc});
        assertEquals(1.0, em3[0] + em3[1] + em3[2], 1e-9);
        double p3 = Perplexity.of(InterpolatedModel.mixLogProbabilities(new double[][] {la, lb, lc}, em3), tt)
                .perplexity();
        assertTrue(p3 <= pem + 1e-6, p3 + " vs " + pem);
        KneserNeyModel other = KneserNeyModel.train(train, 2, 3, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new InterpolatedModel(a, other, 0.5))
                .getMessage().startsWith("cannot mix models with different vocabularies"));
    }

    @Test
    void orderOutsideTwoToFiveIsRefused() throws Exception {
        Path train = TinyCorpus.write(dir, "train.txt", 10, 1);
        assertEquals("order must be 2 to 5, got 6", assertThrows(IllegalArgumentException.class,
                () -> KneserNeyModel.train(train, 6, 1, 0)).getMessage());
    }
}
