package dev.lexis.nn.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Mini-batch iteration with seeded shuffling. */
public final class MiniBatches {
    private MiniBatches() {
    }

    /**
     * A random permutation of 0 … n−1 (Fisher–Yates), the same for the same {@code random} state.
     *
     * @throws IllegalArgumentException if n &lt; 0
     */
    public static int[] shuffledOrder(int n, SplittableRandom random) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /**
     * The permutation used for {@code epoch} (1-based) of a run with {@code seed}: it depends only on the seed
     * and the epoch, so a run resumed from a checkpoint sees the same order as an uninterrupted one.
     */
    public static int[] epochOrder(int n, long seed, int epoch) {
        return shuffledOrder(n, new SplittableRandom(mix(seed, epoch)));
    }

    /**
     * The examples in {@code order}, cut into consecutive batches of {@code batchSize} (the last may be
     * smaller). The batches are lists of their own (the examples are not copied).
     *
     * @throws IllegalArgumentException if batchSize &lt; 1 or the order's length differs from the examples'
     */
    public static <E> List<List<E>> batches(List<E> examples, int[] order, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (order.length != examples.size()) {
            throw new IllegalArgumentException("order has " + order.length + " indices for " + examples.size() + " examples");
        }
        List<List<E>> batches = new ArrayList<>((order.length + batchSize - 1) / batchSize);
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<E> batch = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                batch.add(examples.get(order[i]));
            }
            batches.add(batch);
        }
        return batches;
    }

    /** {@link #batches(List, int[], int)} of a fresh shuffle drawn from {@code random}. */
    public static <E> List<List<E>> shuffled(List<E> examples, int batchSize, SplittableRandom random) {
        return batches(examples, shuffledOrder(examples.size(), random), batchSize);
    }

    /** A well-spread seed for (seed, index) pairs (SplitMix64's finaliser). */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
