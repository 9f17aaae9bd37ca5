package dev.lexis.nn.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InitializerTest {
    private static double mean(Tensor t) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) {
            s += t.get(i);
        }
        return s / t.size();
    }

    private static double std(Tensor t) {
        double m = mean(t);
        double s = 0;
        for (int i = 0; i < t.size(); i++) {
            s += (t.get(i) - m) * (t.get(i) - m);
        }
        return Math.sqrt(s / t.size());
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        Tensor a = Tensor.zeros(50, 20);
        Tensor b = Tensor.zeros(50, 20);
        Tensor c = Tensor.zeros(50, 20);
        Initializer init = Initializer.xavierUniform(Fans.ofInputsOutputs(a));
        init.fill(a, new SplittableRandom(42));
        init.fill(b, new SplittableRandom(42));
        init.fill(c, new SplittableRandom(43));
        assertArrayEquals(a.toArray(), b.toArray());
        assertNotEquals(a.get(0), c.get(0));
    }

    @Test
    void uniformStaysInRangeWithTheRightMoments() {
        Tensor t = Tensor.zeros(200, 500);
        Initializer.uniform(-0.25f, 0.25f).fill(t, new SplittableRandom(1));
        for (int i = 0; i < t.size(); i++) {
            assertTrue(t.get(i) >= -0.25f && t.get(i) < 0.25f, "value " + t.get(i));
        }
        assertEquals(0, mean(t), 0.002);
        assertEquals(0.5 / Math.sqrt(12), std(t), 0.002);
    }

    @Test
    void normalHasTheRightMoments() {
        Tensor t = Tensor.zeros(100_000);
        Initializer.normal(1.5f, 0.3f).fill(t, new SplittableRandom(2));
        assertEquals(1.5, mean(t), 0.005);
        assertEquals(0.3, std(t), 0.005);
    }

    @Test
    void xavierAndHeScales() {
        Tensor w = Tensor.zeros(300, 100);
        Fans fans = Fans.ofInputsOutputs(w);
        assertEquals(new Fans(300, 100), fans);
        Initializer.xavierUniform(fans).fill(w, new SplittableRandom(3));
        double a = Math.sqrt(6.0 / 400);
        assertEquals(a / Math.sqrt(3), std(w), 0.003);
        for (int i = 0; i < w.size(); i++) {
            assertTrue(Math.abs(w.get(i)) <= a);
        }
        Initializer.xavierNormal(fans).fill(w, new SplittableRandom(4));
        assertEquals(Math.sqrt(2.0 / 400), std(w), 0.003);
        Initializer.heNormal(fans).fill(w, new SplittableRandom(5));
        assertEquals(Math.sqrt(2.0 / 300), std(w), 0.003);
        Initializer.heUniform(fans).fill(w, new SplittableRandom(6));
        assertEquals(Math.sqrt(6.0 / 300) / Math.sqrt(3), std(w), 0.003);
    }

    @Test
    void fansOfConvolutionFilters() {
        // (numFilters, inChannels, width) in PyTorch's layout: fanIn = inChannels * width
        assertEquals(new Fans(300 * 3, 100 * 3), Fans.ofOutputsInputs(Tensor.zeros(100, 300, 3)));
        assertEquals(new Fans(7, 7), Fans.ofInputsOutputs(Tensor.zeros(7)));
        var e = assertThrows(IllegalArgumentException.class, () -> Fans.ofInputsOutputs(Tensor.scalar(1)));
        assertEquals("cannot compute fans of shape []", e.getMessage());
    }

    @Test
    void fillsOnlyTheViewAndConstantsWork() {
        float[] storage = new float[10];
        Tensor view = Tensor.view(storage, 3, 2, 2);
        Initializer.constant(7f).fill(view, new SplittableRandom(0));
        assertArrayEquals(new float[] {0, 0, 0, 7, 7, 7, 7, 0, 0, 0}, storage);
        Initializer.zeros().fill(view, new SplittableRandom(0));
        assertArrayEquals(new float[10], storage);
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Initializer.uniform(1f, 1f));
        assertEquals("uniform needs finite low < high, got low 1.0, high 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Initializer.normal(0f, -1f));
        assertEquals("normal needs a finite mean and std > 0, got mean 0.0, std -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Fans(0, 3));
        assertEquals("fanIn must be > 0, got 0", e.getMessage());
    }
}
