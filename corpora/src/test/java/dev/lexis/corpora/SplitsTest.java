package dev.lexis.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
    private static final List<Integer> ITEMS = IntStream.range(0, 1003).boxed().toList();

    @Test
    void trainDevTestHasTheRatiosCoversEverythingAndIsReproducible() {
        TrainDevTest<Integer> split = Splits.trainDevTest(ITEMS, 0.8, 0.1, 42);
        assertEquals(802, split.train().size());
        assertEquals(100, split.dev().size());
        assertEquals(101, split.test().size());
        Set<Integer> all = new HashSet<>(split.train());
        all.addAll(split.dev());
        all.addAll(split.test());
        assertEquals(new HashSet<>(ITEMS), all);
        assertEquals(split, Splits.trainDevTest(ITEMS, 0.8, 0.1, 42));
        assertNotEquals(split.train(), Splits.trainDevTest(ITEMS, 0.8, 0.1, 43).train());
        assertNotEquals(ITEMS.subList(0, 802), split.train(), "shuffled");
    }

    @Test
    void ratiosAreValidatedNamingTheField() {
        assertEquals("devRatio must be in [0, 1], got -0.1", assertThrows(IllegalArgumentException.class,
                () -> Splits.trainDevTest(ITEMS, 0.5, -0.1, 1)).getMessage());
        assertEquals("trainRatio + devRatio must be <= 1, got 0.9 + 0.2", assertThrows(IllegalArgumentException.class,
                () -> Splits.trainDevTest(ITEMS, 0.9, 0.2, 1)).getMessage());
        assertEquals("k must be in [2, number of items = 3], got 4", assertThrows(IllegalArgumentException.class,
                () -> Splits.kFold(List.of(1, 2, 3), 4, 1)).getMessage());
    }

    @Test
    void stratifiedTrainDevTestKeepsLabelProportions() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            items.add((i % 3 == 0 ? "a" : "b") + i);
        }
        TrainDevTest<String> split = Splits.trainDevTest(items, s -> s.charAt(0), 0.8, 0.1, 7);
        assertEquals(720, split.train().size());
        assertEquals(90, split.dev().size());
        assertEquals(30, split.dev().stream().filter(s -> s.startsWith("a")).count());
        assertEquals(30, split.test().stream().filter(s -> s.startsWith("a")).count());
    }

    @Test
    void stratifiedKFoldBalancesLabelsAndFoldSizes() {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add((i < 700 ? "pos" : i < 950 ? "neg" : "neu") + ":" + i);
        }
        List<Fold<String>> folds = Splits.stratifiedKFold(items, s -> s.substring(0, 3), 10, 13);
        assertEquals(10, folds.size());
        Set<String> tested = new HashSet<>();
        for (Fold<String> fold : folds) {
            assertEquals(100, fold.test().size());
            assertEquals(900, fold.train().size());
            Map<String, Long> labels = fold.test().stream()
                    .collect(Collectors.groupingBy(s -> s.substring(0, 3), TreeMap::new, Collectors.counting()));
            assertEquals(70, labels.get("pos"));
            assertTrue(labels.get("neg") >= 24 && labels.get("neg") <= 26, labels.toString());
            assertTrue(labels.getOrDefault("neu", 0L) >= 4 && labels.getOrDefault("neu", 0L) <= 6, labels.toString());
            for (String item : fold.test()) {
                assertTrue(tested.add(item), "each item is tested once");
            }
            assertTrue(isInOriginalOrder(fold.train(), items));
        }
        assertEquals(1000, tested.size());
        assertEquals(folds, Splits.stratifiedKFold(items, s -> s.substring(0, 3), 10, 13));
    }

    @Test
    void kFoldSizesDifferByAtMostOne() {
        List<Fold<Integer>> folds = Splits.kFold(ITEMS, 7, 5);
        int min = folds.stream().mapToInt(f -> f.test().size()).min().orElseThrow();
        int max = folds.stream().mapToInt(f -> f.test().size()).max().orElseThrow();
        assertTrue(max - min <= 1);
        assertEquals(ITEMS.size(), folds.stream().mapToInt(f -> f.test().size()).sum());
    }

    private static <T> boolean isInOriginalOrder(List<T> part, List<T> items) {
        int last = -1;
        for (T item : part) {
            int index = items.indexOf(item);
            if (index <= last) {
                return false;
            }
            last = index;
        }
        return true;
    }
}
