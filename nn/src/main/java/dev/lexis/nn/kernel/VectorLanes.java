package dev.lexis.nn.kernel;

import jdk.incubator.vector.FloatVector;

/**
 * Fixed-order lane sums for modules that write their own Vector API loops (the word2vec and NNLM output kernels).
 *
 * <p>{@code reduceLanes(ADD)} leaves the order of the additions open, and the JIT-compiled and interpreted forms
 * of the Vector API add in different orders, so a single-threaded training run that uses it gives different bits
 * depending on when the JIT compiled it. {@link #sum} always adds in the same pairwise order. Only load this class
 * where {@code jdk.incubator.vector} is present (behind the same check that picked a vector kernel).
 */
public final class VectorLanes {
    private VectorLanes() {
    }

    /** Σ of the lanes of {@code v} (a {@link FloatVector#SPECIES_PREFERRED} vector) in a fixed order. */
    public static float sum(FloatVector v) {
        assert v.species() == FloatVector.SPECIES_PREFERRED : "expected the preferred species, got " + v.species();
        return VectorKernels.hsum(v);
    }
}
