package dev.lexis.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fixed-order lane sums for modules that write their own Vector API loops (the word2vec and NNLM output kernels).
 *
 * <p>{@code reduceLanes(ADD)} leaves the order of the additions open, and the JIT-compiled and interpreted forms
 * of the Vector API add in different orders, so a single-threaded training run that uses it gives different bits
 * depending on when the JIT compiled it. {@link #sumStored} always adds in the same order. Only load this class
 * where {@code jdk.incubator.vector} is present (behind the same check that picked a vector kernel).
 *
 * <p>It takes the lanes from an array, not a vector: a vector passed to a method that the JIT does not inline is
 * boxed, one allocation per call. In a training thread's innermost loop that came to ~400 MB/s of garbage in
 * word2vec and ~0.7 GB/s in the NNLM's output kernel, so hot loops store their accumulators to a scratch array
 * ({@code acc.intoArray(tmp, off)}) and call {@link #sumStored}.
 */
public final class VectorLanes {
    /** Lanes of {@link FloatVector#SPECIES_PREFERRED}: the number of floats {@link #sumStored} adds. */
    public static final int LANES = FloatVector.SPECIES_PREFERRED.length();
    private static final VectorSpecies<Float> QUARTER = FloatVector.SPECIES_128;

    private VectorLanes() {
    }

    /**
     * Σ of {@code tmp[off .. off + LANES)} — a preferred-species vector stored there — in a fixed order: with
     * 16 lanes the four 128-bit quarters are added as vectors ((q0 + q1) + (q2 + q3)), then the four floats
     * pairwise; otherwise four interleaved partial sums, added pairwise. Overwrites {@code tmp[off .. off + 4)}
     * in the 16-lane case.
     *
     * @throws ArrayIndexOutOfBoundsException if {@code tmp} has fewer than {@code off + LANES} elements
     */
    public static float sumStored(float[] tmp, int off) {
        if (LANES == 16) {
            FloatVector q = FloatVector.fromArray(QUARTER, tmp, off).add(FloatVector.fromArray(QUARTER, tmp, off + 4))
                    .add(FloatVector.fromArray(QUARTER, tmp, off + 8).add(FloatVector.fromArray(QUARTER, tmp, off + 12)));
            q.intoArray(tmp, off);
            return (tmp[off] + tmp[off + 1]) + (tmp[off + 2] + tmp[off + 3]);
        }
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 4 <= LANES; i += 4) {
            s0 += tmp[off + i];
            s1 += tmp[off + i + 1];
            s2 += tmp[off + i + 2];
            s3 += tmp[off + i + 3];
        }
        for (; i < LANES; i++) {
            s0 += tmp[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
