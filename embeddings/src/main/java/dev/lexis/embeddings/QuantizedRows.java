package dev.lexis.embeddings;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The unit-normalised rows of a matrix quantized to 8 bits (one scale per row), a quarter of the float matrix,
 * so that a nearest-neighbour scan over a large vocabulary reads 4× fewer bytes (100,000 × 100 fits the CPU's
 * last-level cache). Scores are approximate within {@link #errorBound(float[])}; {@link WordVectors} rescoring
 * the best candidates with the float rows and checking that bound makes the result exact.
 */
final class QuantizedRows {

    final int rows;
    final int stride;    // dim rounded up to the SIMD width
    final byte[] codes;  // rows x stride
    final float[] scales; // row r's unit vector ~= scales[r] * codes[r]
    final float maxScale;

    QuantizedRows(float[] matrix, float[] invNorms, int rows, int dim) {
        this.rows = rows;
        this.stride = (dim + VecMath.LANES - 1) / VecMath.LANES * VecMath.LANES;
        this.codes = new byte[Math.multiplyExact(rows, stride)];
        this.scales = new float[rows];
        float maxS = 0;
        for (int r = 0; r < rows; r++) {
            float inv = invNorms[r];
            float maxAbs = 0;
            for (int d = 0; d < dim; d++) {
                maxAbs = Math.max(maxAbs, Math.abs(matrix[r * dim + d] * inv));
            }
            float s = maxAbs > 0 ? maxAbs / 127f : 0f;
            scales[r] = s;
            maxS = Math.max(maxS, s);
            if (s > 0) {
                for (int d = 0; d < dim; d++) {
                    codes[r * stride + d] = (byte) Math.round(matrix[r * dim + d] * inv / s);
                }
            }
        }
        this.maxScale = maxS;
    }

    /**
     * @param query a unit query of length {@code stride} (zero-padded)
     * @return the largest possible difference between an approximate score and the exact cosine
     */
    float errorBound(float[] query) {
        float l1 = 0;
        for (float x : query) {
            l1 += Math.abs(x);
        }
        return maxScale / 2 * l1 * 1.001f + 1e-6f;
    }

    /** Approximate cosine of row r with a unit query (length {@code stride}). */
    float score(float[] query, int r) {
        return scales[r] * (VecMath.VECTOR ? Simd.dot(codes, r * stride, query, stride)
                : scalarDot(codes, r * stride, query, stride));
    }

    /**
     * Approximate cosines of rows r .. r+3 with a unit query, into out[0..3] (four independent chains, so the
     * FMA latency of one row hides behind the others).
     */
    void score4(float[] query, int r, float[] out) {
        if (VecMath.VECTOR) {
            Simd.dot4(codes, r * stride, stride, query, out);
        } else {
            for (int i = 0; i < 4; i++) {
                out[i] = scalarDot(codes, (r + i) * stride, query, stride);
            }
        }
        out[0] *= scales[r];
        out[1] *= scales[r + 1];
        out[2] *= scales[r + 2];
        out[3] *= scales[r + 3];
    }

    private static float scalarDot(byte[] q, int off, float[] x, int n) {
        float s0 = 0;
        float s1 = 0;
        for (int i = 0; i < n; i += 2) {
            s0 += q[off + i] * x[i];
            s1 += (i + 1 < n ? q[off + i + 1] * x[i + 1] : 0);
        }
        return s0 + s1;
    }

    private static final class Simd {
        static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
        static final VectorSpecies<Byte> BS = VectorSpecies.of(byte.class, VectorShape.forBitSize(FS.length() * 8));
        static final int L = FS.length();

        static void dot4(byte[] q, int off, int n, float[] x, float[] out) {
            FloatVector a0 = FloatVector.zero(FS);
            FloatVector a1 = FloatVector.zero(FS);
            FloatVector a2 = FloatVector.zero(FS);
            FloatVector a3 = FloatVector.zero(FS);
            for (int i = 0; i < n; i += L) {
                FloatVector xv = FloatVector.fromArray(FS, x, i);
                a0 = ((FloatVector) ByteVector.fromArray(BS, q, off + i).convertShape(VectorOperators.B2F, FS, 0)).fma(xv, a0);
                a1 = ((FloatVector) ByteVector.fromArray(BS, q, off + n + i).convertShape(VectorOperators.B2F, FS, 0)).fma(xv, a1);
                a2 = ((FloatVector) ByteVector.fromArray(BS, q, off + 2 * n + i).convertShape(VectorOperators.B2F, FS, 0)).fma(xv, a2);
                a3 = ((FloatVector) ByteVector.fromArray(BS, q, off + 3 * n + i).convertShape(VectorOperators.B2F, FS, 0)).fma(xv, a3);
            }
            out[0] = a0.reduceLanes(VectorOperators.ADD);
            out[1] = a1.reduceLanes(VectorOperators.ADD);
            out[2] = a2.reduceLanes(VectorOperators.ADD);
            out[3] = a3.reduceLanes(VectorOperators.ADD);
        }

        static float dot(byte[] q, int off, float[] x, int n) {
            FloatVector acc = FloatVector.zero(FS);
            for (int i = 0; i < n; i += L) {
                FloatVector v = (FloatVector) ByteVector.fromArray(BS, q, off + i).convertShape(VectorOperators.B2F, FS, 0);
                acc = v.fma(FloatVector.fromArray(FS, x, i), acc);
            }
            return acc.reduceLanes(VectorOperators.ADD);
        }
    }
}
