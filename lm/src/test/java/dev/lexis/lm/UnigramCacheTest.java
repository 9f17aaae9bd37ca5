package dev.lexis.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnigramCacheTest {
    @Test
    void countsTheWordInTheWindowBeforeIt() {
        // stream a b a c a, window 2: p(a at 2) = 1/2 (window a b), p(c at 3) = 0, p(a at 4) = 1/2 (window a c)
        double[] lp = UnigramCache.logProbabilities(new int[] {2, 3, 2, 4, 2}, 5, 2);
        double inf = Double.NEGATIVE_INFINITY;
        assertArrayEquals(new double[] {inf, inf, Math.log(0.5), inf, Math.log(0.5)}, lp, 1e-12);
        // window 10 (longer than the stream): p(a at 4) = 2/4
        assertEquals(Math.log(0.5), UnigramCache.logProbabilities(new int[] {2, 3, 2, 4, 2}, 5, 10)[4], 1e-12);
        assertEquals(Math.log(1.0), UnigramCache.logProbabilities(new int[] {2, 2}, 5, 1)[1], 1e-12);
    }

    @Test
    void aMixtureWithTheCacheTunesItsWeightAndStaysFinite() {
        int[] ids = {2, 3, 2, 4, 2, 3, 2, 2};
        double[] uniform = new double[ids.length];
        java.util.Arrays.fill(uniform, Math.log(1.0 / 5));
        double[] cache = UnigramCache.logProbabilities(ids, 5, 4);
        double[] w = InterpolatedModel.tuneWeights(new double[][] {uniform, cache});
        assertEquals(1, w[0] + w[1], 1e-9);
        for (double x : InterpolatedModel.mixLogProbabilities(new double[][] {uniform, cache}, w)) {
            assertEquals(true, Double.isFinite(x));
        }
        assertEquals("cache window must be >= 1 tokens, got 0",
                assertThrows(IllegalArgumentException.class, () -> UnigramCache.logProbabilities(ids, 5, 0))
                        .getMessage());
    }
}
