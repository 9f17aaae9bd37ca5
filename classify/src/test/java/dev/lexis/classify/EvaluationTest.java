package dev.lexis.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    // gold a a a b b c, predicted a a b b c c: by hand
    //   a: P 2/2 = 1,   R 2/3,  F1 0.8
    //   b: P 1/2,       R 1/2,  F1 0.5
    //   c: P 1/2,       R 1/1,  F1 2/3
    private final Evaluation e = Evaluation.of(List.of("a", "b", "c"),
            List.of("a", "a", "a", "b", "b", "c"), List.of("a", "a", "b", "b", "c", "c"));

    @Test
    void handCheckedMetrics() {
        assertEquals(4.0 / 6, e.accuracy(), 1e-12);
        assertEquals(1.0, e.precision("a"), 1e-12);
        assertEquals(2.0 / 3, e.recall("a"), 1e-12);
        assertEquals(0.8, e.f1("a"), 1e-12);
        assertEquals(0.5, e.f1("b"), 1e-12);
        assertEquals(2.0 / 3, e.f1("c"), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, e.macroF1(), 1e-12);
        assertArrayEquals(new long[] {2, 1, 0}, e.confusionMatrix()[0]);
        assertArrayEquals(new long[] {0, 1, 1}, e.confusionMatrix()[1]);
        assertArrayEquals(new long[] {0, 0, 1}, e.confusionMatrix()[2]);
        assertEquals("accuracy=0.6667 macro_f1=0.6556 n=6", e.summary());
        assertTrue(e.report().endsWith(e.summary()));
    }

    @Test
    void unknownLabelIsNamed() {
        var ex = assertThrows(IllegalArgumentException.class,
                () -> Evaluation.of(List.of("a", "b"), List.of("a", "z"), List.of("a", "b")));
        assertEquals("label \"z\" was never seen in training (labels: [a, b])", ex.getMessage());
    }

    @Test
    void neverPredictedClassHasZeroPrecision() {
        Evaluation all = Evaluation.of(List.of("x", "y"), List.of("x", "y"), List.of("x", "x"));
        assertEquals(0, all.precision("y"));
        assertEquals(0, all.f1("y"));
        assertEquals(0.5, all.accuracy());
    }
}
