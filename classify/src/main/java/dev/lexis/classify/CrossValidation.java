package dev.lexis.classify;

import dev.lexis.corpora.LabelledText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Stratified k-fold cross-validation: every fold holds about 1/k of each class, so folds keep the class
 * balance of the whole set. Reproducible: the split depends only on the data order and the seed.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /**
     * One split: train on {@code train}, evaluate on {@code test}.
     *
     * @param index 0-based fold number
     */
    public record Fold(int index, List<LabelledText> train, List<LabelledText> test) {
    }

    /**
     * Splits {@code data} into {@code k} stratified folds: within each class the examples are shuffled with
     * {@code seed} and dealt round-robin to the folds (continuing where the previous class stopped).
     *
     * @throws IllegalArgumentException if {@code k < 2} or {@code k} exceeds the number of examples
     */
    public static List<Fold> stratifiedFolds(List<LabelledText> data, int k, long seed) {
        if (k < 2 || k > data.size()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of examples ("
                    + data.size() + "), got " + k);
        }
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            byLabel.computeIfAbsent(data.get(i).label(), l -> new ArrayList<>()).add(i);
        }
        int[] foldOf = new int[data.size()];
        SplittableRandom random = new SplittableRandom(seed);
        int next = 0;
        for (List<Integer> members : new java.util.TreeMap<>(byLabel).values()) {
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            for (int m : members) {
                foldOf[m] = next;
                next = (next + 1) % k;
            }
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            List<LabelledText> train = new ArrayList<>();
            List<LabelledText> test = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                (foldOf[i] == f ? test : train).add(data.get(i));
            }
            folds.add(new Fold(f, List.copyOf(train), List.copyOf(test)));
        }
        return List.copyOf(folds);
    }

    /**
     * Splits off a stratified dev set of about {@code fraction} of {@code data} (Kim held out 10 % of the
     * training data). Returns {@code [rest, dev]}; with fewer than two examples there is nothing to hold out and
     * the dev set is empty (the trainer then names what is wrong with the data).
     */
    public static List<List<LabelledText>> holdOut(List<LabelledText> data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("dev fraction must be in (0, 1), got " + fraction);
        }
        if (data.size() < 2) {
            return List.of(List.copyOf(data), List.of());
        }
        int k = (int) Math.max(2, Math.round(1 / fraction));
        Fold fold = stratifiedFolds(data, Math.min(k, data.size()), seed).get(0);
        return List.of(fold.train(), fold.test());
    }
}
