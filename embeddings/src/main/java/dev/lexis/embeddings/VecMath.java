package dev.lexis.embeddings;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Dot products and axpy for the word2vec kernel and the nearest-neighbour scan, on the JDK Vector API when the
 * JVM has {@code jdk.incubator.vector} (else a scalar loop with four accumulators). Chosen once.
 */
final class VecMath {

    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"scalar".equals(System.getProperty("lexis.nn.kernels"));

    /** Lanes of the preferred float species (1 without the Vector API): row strides are padded to it. */
    static final int LANES = VECTOR ? Simd.LANES : 1;

    private VecMath() {
    }

    static float dot(float[] x, int xOff, float[] y, int yOff, int n) {
        return VECTOR ? Simd.dot(x, xOff, y, yOff, n) : scalarDot(x, xOff, y, yOff, n);
    }

    static void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
        if (VECTOR) {
            Simd.axpy(a, x, xOff, y, yOff, n);
        } else {
            for (int i = 0; i < n; i++) {
                y[yOff + i] += a * x[xOff + i];
            }
        }
    }

    static float scalarDot(float[] x, int xOff, float[] y, int yOff, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xOff + i] * y[yOff + i];
            s1 += x[xOff + i + 1] * y[yOff + i + 1];
            s2 += x[xOff + i + 2] * y[yOff + i + 2];
            s3 += x[xOff + i + 3] * y[yOff + i + 3];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i] * y[yOff + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Vector API versions; only loaded when the module is present. */
    static final class Simd {
        static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
        static final int LANES = S.length();

        private Simd() {
        }

        static float dot(float[] x, int xOff, float[] y, int yOff, int n) {
            int i = 0;
            int bound = S.loopBound(n);
            float tail = 0;
            if (bound > 0) {
                FloatVector acc = FloatVector.zero(S);
                for (; i < bound; i += LANES) {
                    acc = FloatVector.fromArray(S, x, xOff + i).fma(FloatVector.fromArray(S, y, yOff + i), acc);
                }
                tail = acc.reduceLanes(VectorOperators.ADD);
            }
            for (; i < n; i++) {
                tail += x[xOff + i] * y[yOff + i];
            }
            return tail;
        }

        static void axpy(float a, float[] x, int xOff, float[] y, int yOff, int n) {
            int i = 0;
            int bound = S.loopBound(n);
            if (bound > 0) {
                FloatVector va = FloatVector.broadcast(S, a);
                for (; i < bound; i += LANES) {
                    FloatVector.fromArray(S, x, xOff + i).fma(va, FloatVector.fromArray(S, y, yOff + i))
                            .intoArray(y, yOff + i);
                }
            }
            for (; i < n; i++) {
                y[yOff + i] += a * x[xOff + i];
            }
        }
    }
}
