package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lexis.corpora.LabelledText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void foldsPartitionTheDataAndKeepTheClassBalance() {
        List<LabelledText> data = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            data.add(new LabelledText("pos", "p" + i));
        }
        for (int i = 0; i < 30; i++) {
            data.add(new LabelledText("neg", "n" + i));
        }
        var folds = CrossValidation.stratifiedFolds(data, 10, 42);
        assertEquals(10, folds.size());
        Set<String> tested = new HashSet<>();
        for (var fold : folds) {
            assertEquals(10, fold.test().size());
            assertEquals(90, fold.train().size());
            assertEquals(7, fold.test().stream().filter(t -> t.label().equals("pos")).count());
            fold.test().forEach(t -> tested.add(t.text()));
        }
        assertEquals(100, tested.size());
        assertEquals(folds.get(3).test(), CrossValidation.stratifiedFolds(data, 10, 42).get(3).test());
    }

    @Test
    void badFoldCountIsRefused() {
        var ex = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.stratifiedFolds(List.of(new LabelledText("a", "x")), 10, 1));
        assertEquals("folds must be between 2 and the number of examples (1), got 10", ex.getMessage());
    }

    @Test
    void holdOutOfOneExampleLeavesTheDevSetEmpty() {
        List<LabelledText> one = List.of(new LabelledText("a", "x"));
        assertEquals(List.of(one, List.of()), CrossValidation.holdOut(one, 0.1, 1));
    }
}
