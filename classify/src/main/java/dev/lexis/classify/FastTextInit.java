package dev.lexis.classify;

/**
 * The initial value of every input-matrix entry of the fastText-style classifier, as a pure function of the seed
 * and the entry's position: entry {@code (row, d)} is uniform in ±1/dim (fastText's range) and computed from
 * {@code index = row * dim + d} alone by a counter-based generator: SplitMix64's finaliser (Steele et al. 2014) of
 * {@code base + (index / 2 + 1) · γ} (the stream {@link java.util.SplittableRandom} draws), whose high 24 bits give
 * the even entry and bits 8-31 the odd one (24 bits: a float's precision). Because no entry depends on
 * another, the trainer initialises only the rows that training touches, and a loaded model recomputes an
 * untouched row (a hashed bigram never seen in training) exactly when a text needs it; the model file stores
 * only the rows training changed.
 */
final class FastTextInit {
    /** The rule's name, stored in model files; a file naming another rule is refused. */
    static final String RULE = "uniform(-1/dim,1/dim) 24-bit pairs of splitmix64(mix(seed), (row*dim+d)/2) v1";

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private FastTextInit() {
    }

    /** The generator's base for {@code seed} (mixed, so that nearby seeds give unrelated streams). */
    static long base(long seed) {
        return mix64(seed ^ 0x6C6578697346544CL);   // "lexisFTL"
    }

    /** Entry {@code (row, d)} of the initial input matrix of dimension {@code dim}. */
    static float value(long base, long row, int d, int dim) {
        long index = row * dim + d;
        return scaled(bits(mix64(base + ((index >>> 1) + 1) * GOLDEN_GAMMA), index), dim);
    }

    // entries 2k and 2k+1 share one 64-bit draw: the high and the low 24 bits (a float's precision)
    private static int bits(long z, long index) {
        return (index & 1) == 0 ? (int) (z >>> 40) : (int) (z >>> 8) & 0xFFFFFF;
    }

    private static float scaled(int bits24, int dim) {
        double u = bits24 * 0x1.0p-24;                     // uniform in [0, 1)
        return (float) ((u * 2 - 1) / dim);
    }

    /** Writes row {@code row}'s initial values to {@code out[off .. off+dim)} (0 + v is v, bit for bit). */
    static void fillRow(long base, long row, int dim, float[] out, int off) {
        java.util.Arrays.fill(out, off, off + dim, 0f);
        addRow(base, row, dim, out, off);
    }

    /** Adds row {@code row}'s initial values to {@code acc[off .. off+dim)}. */
    static void addRow(long base, long row, int dim, float[] acc, int off) {
        long index = row * dim;
        long z = 0;
        for (int d = 0; d < dim; d++, index++) {
            if (d == 0 || (index & 1) == 0) {
                z = mix64(base + ((index >>> 1) + 1) * GOLDEN_GAMMA);
            }
            acc[off + d] += scaled(bits(z, index), dim);
        }
    }

    // SplitMix64's output function (Stafford's Mix13)
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
