package dev.lexis.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnigramSamplerTest {

    @Test
    void frequenciesFollowCountsToThePower() {
        long[] counts = {1000, 100, 10, 1, 0};
        UnigramSampler sampler = new UnigramSampler(counts, 0.75);
        double z = 0;
        for (long c : counts) {
            z += Math.pow(c, 0.75);
        }
        int[] hist = new int[counts.length];
        long state = 42;
        int draws = 2_000_000;
        for (int i = 0; i < draws; i++) {
            state = UnigramSampler.nextRandom(state);
            hist[sampler.sample(UnigramSampler.mix(state))]++;
        }
        for (int w = 0; w < counts.length; w++) {
            double expected = Math.pow(counts[w], 0.75) / z;
            assertEquals(expected, hist[w] / (double) draws, 0.002, "word " + w);
        }
        assertEquals(0, hist[4], "a zero count is never drawn");
    }

    @Test
    void sameStateSameSamples() {
        UnigramSampler sampler = new UnigramSampler(new long[] {5, 3, 2, 9}, 0.75);
        long a = 7;
        long b = 7;
        for (int i = 0; i < 100; i++) {
            a = UnigramSampler.nextRandom(a);
            b = UnigramSampler.nextRandom(b);
            assertEquals(sampler.sample(UnigramSampler.mix(a)), sampler.sample(UnigramSampler.mix(b)));
        }
    }

    @Test
    void rejectsBadCounts() {
        var e = assertThrows(IllegalArgumentException.class, () -> new UnigramSampler(new long[] {0, 0}, 0.75));
        assertEquals("all 2 counts are zero", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new UnigramSampler(new long[] {1, -1}, 0.75));
        assertEquals("count of word 1 must be >= 0, got -1", e.getMessage());
    }
}
