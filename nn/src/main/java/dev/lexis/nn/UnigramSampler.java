package dev.lexis.nn;

/**
 * Draws word ids from the unigram distribution raised to a power (0.75 in word2vec, Mikolov et al. 2013,
 * section 2.2), for negative sampling in word2vec and the NNLM.
 *
 * <p>Uses Walker's alias method: two arrays of {@code vocabSize} entries (8 bytes per word, instead of the C
 * tool's 400 MB table), and a draw costs two array reads and no allocation. The caller supplies the random
 * bits (see {@link #nextRandom(long)}), so each worker thread keeps its own random state in a {@code long}
 * and runs reproducibly from its seed.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnigramSampler {

    private final int size;
    private final long[] threshold; // coin threshold in [0, 2^32]: keep column if low 32 bits < threshold
    private final int[] alias;

    /**
     * @param counts occurrence count of each word ({@code >= 0}, at least one positive)
     * @param power  exponent applied to the counts (0.75 in word2vec); {@code >= 0}
     * @throws IllegalArgumentException for an empty vocabulary, negative counts, all-zero counts or a bad power
     */
    public UnigramSampler(long[] counts, double power) {
        if (counts.length == 0) {
            throw new IllegalArgumentException("counts must not be empty");
        }
        if (!(power >= 0) || Double.isInfinite(power)) {
            throw new IllegalArgumentException("power must be >= 0, got " + power);
        }
        int n = counts.length;
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count of word " + i + " must be >= 0, got " + counts[i]);
            }
            p[i] = counts[i] == 0 ? 0 : Math.pow(counts[i], power);
            sum += p[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("all " + n + " counts are zero");
        }
        this.size = n;
        this.threshold = new long[n];
        this.alias = new int[n];
        // Vose's alias construction: scaled probabilities, small and large work lists
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            p[i] = p[i] * n / sum;
            if (p[i] < 1) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            threshold[s] = toThreshold(p[s]);
            alias[s] = l;
            p[l] = (p[l] + p[s]) - 1;
            if (p[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            int l = large[--nl];
            threshold[l] = 1L << 32;
            alias[l] = l;
        }
        while (ns > 0) { // only from rounding: probability ~1
            int s = small[--ns];
            threshold[s] = 1L << 32;
            alias[s] = s;
        }
    }

    private static long toThreshold(double q) {
        return Math.max(0, Math.min(1L << 32, Math.round(q * 4294967296.0)));
    }

    /** @return the number of words */
    public int vocabSize() {
        return size;
    }

    /**
     * Draws one word id.
     *
     * @param randomBits 64 uniformly random bits (e.g. the result of {@link #nextRandom(long)})
     * @return a word id in {@code [0, vocabSize)}, with probability proportional to {@code count^power}
     */
    public int sample(long randomBits) {
        int column = (int) (((randomBits >>> 32) * size) >>> 32);
        return (randomBits & 0xFFFFFFFFL) < threshold[column] ? column : alias[column];
    }

    /**
     * Advances a random state: a SplittableRandom-style (SplitMix64) step whose result is both the new state's
     * output and good random bits. Use as {@code state = UnigramSampler.nextRandom(state); id = sample(state);}
     * with a mixed output; see {@link #mix(long)}.
     *
     * @param state the previous state
     * @return the next state (add the golden gamma, then call {@link #mix(long)} for the bits)
     */
    public static long nextRandom(long state) {
        return state + 0x9E3779B97F4A7C15L;
    }

    /**
     * The SplitMix64 output function: turns a state from {@link #nextRandom(long)} into 64 well-mixed bits.
     *
     * @param state a state
     * @return mixed random bits
     */
    public static long mix(long state) {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
