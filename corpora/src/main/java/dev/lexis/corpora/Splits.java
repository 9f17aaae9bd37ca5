package dev.lexis.corpora;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Seeded, reproducible splits of a data set: train/dev/test by ratio and (stratified) k-fold cross-validation, as
 * used for MR in Kim (2014). The same list, arguments and seed always give the same split, on any machine. Items may
 * be null; nothing is copied but the list structure.
 */
public final class Splits {
    private Splits() {
    }

    /**
     * Shuffles the items with {@code seed}, then takes {@code round(n * trainRatio)} for train,
     * {@code round(n * devRatio)} for dev and the rest for test. Each part keeps the items in shuffled order.
     *
     * @throws IllegalArgumentException if a ratio is outside [0, 1] or {@code trainRatio + devRatio > 1}
     */
    public static <T> TrainDevTest<T> trainDevTest(List<T> items, double trainRatio, double devRatio, long seed) {
        Objects.requireNonNull(items, "items");
        checkRatio("trainRatio", trainRatio);
        checkRatio("devRatio", devRatio);
        if (trainRatio + devRatio > 1 + 1e-9) {
            throw new IllegalArgumentException("trainRatio + devRatio must be <= 1, got " + trainRatio + " + "
                    + devRatio);
        }
        int n = items.size();
        int[] order = shuffled(n, seed);
        int trainSize = (int) Math.round(n * trainRatio);
        int devSize = Math.min(n - trainSize, (int) Math.round(n * devRatio));
        List<T> train = new ArrayList<>(trainSize);
        List<T> dev = new ArrayList<>(devSize);
        List<T> test = new ArrayList<>(n - trainSize - devSize);
        for (int i = 0; i < n; i++) {
            T item = items.get(order[i]);
            (i < trainSize ? train : i < trainSize + devSize ? dev : test).add(item);
        }
        return new TrainDevTest<>(train, dev, test);
    }

    /**
     * Stratified train/dev/test: {@link #trainDevTest} applied within each label, so that every part has about the
     * label proportions of the whole. Parts keep the original order of the items.
     */
    public static <T> TrainDevTest<T> trainDevTest(List<T> items, Function<? super T, ?> label, double trainRatio,
            double devRatio, long seed) {
        Objects.requireNonNull(label, "label");
        int n = items.size();
        int[] part = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (List<Integer> group : groups(items, label).values()) {
            TrainDevTest<Integer> split = trainDevTest(group, trainRatio, devRatio, random.nextLong());
            split.dev().forEach(i -> part[i] = 1);
            split.test().forEach(i -> part[i] = 2);
        }
        List<T> train = new ArrayList<>();
        List<T> dev = new ArrayList<>();
        List<T> test = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (part[i] == 0 ? train : part[i] == 1 ? dev : test).add(items.get(i));
        }
        return new TrainDevTest<>(train, dev, test);
    }

    /**
     * k-fold cross-validation: the items, shuffled with {@code seed}, are dealt to k folds in turn, so fold sizes
     * differ by at most one.
     *
     * @throws IllegalArgumentException unless {@code 2 <= k <= items.size()}
     */
    public static <T> List<Fold<T>> kFold(List<T> items, int k, long seed) {
        return stratifiedKFold(items, item -> "", k, seed);
    }

    /**
     * Stratified k-fold cross-validation: the items of each label (labels in order of first appearance), shuffled
     * with {@code seed}, are dealt to the folds in turn, continuing from fold to fold across labels, so that each
     * fold has about the label proportions of the whole and fold sizes differ by at most one.
     *
     * @param label the label of an item (compared with {@code equals}; may return null)
     * @throws IllegalArgumentException unless {@code 2 <= k <= items.size()}
     */
    public static <T> List<Fold<T>> stratifiedKFold(List<T> items, Function<? super T, ?> label, int k, long seed) {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(label, "label");
        if (k < 2 || k > items.size()) {
            throw new IllegalArgumentException("k must be in [2, number of items = " + items.size() + "], got " + k);
        }
        int n = items.size();
        int[] foldOf = new int[n];
        SplittableRandom random = new SplittableRandom(seed);
        int next = 0;
        for (List<Integer> group : groups(items, label).values()) {
            int[] order = shuffled(group.size(), random.nextLong());
            for (int i : order) {
                foldOf[group.get(i)] = next;
                next = (next + 1) % k;
            }
        }
        List<Fold<T>> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            List<T> train = new ArrayList<>();
            List<T> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (foldOf[i] == f ? test : train).add(items.get(i));
            }
            folds.add(new Fold<>(f, train, test));
        }
        return List.copyOf(folds);
    }

    /** A seeded Fisher–Yates permutation of 0..n-1. */
    static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static <T> Map<Object, List<Integer>> groups(List<T> items, Function<? super T, ?> label) {
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            groups.computeIfAbsent(label.apply(items.get(i)), key -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static void checkRatio(String name, double ratio) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + ratio);
        }
    }
}
