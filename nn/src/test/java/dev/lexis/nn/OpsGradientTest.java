package dev.lexis.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A finite-difference gradient check for every op and loss. */
class OpsGradientTest {
    private final SplittableRandom random = new SplittableRandom(7);

    /** A dense parameter with values in ±(0.1 … 1), away from 0 (ReLU's kink). */
    private Parameter param(String name, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            double v = 0.1 + 0.9 * random.nextDouble();
            t.set(i, (float) (random.nextBoolean() ? v : -v));
        }
        return Parameter.dense(name, t);
    }

    private Parameter sparse(String name, int rows, int cols) {
        Parameter p = param(name, rows, cols);
        return Parameter.sparseRows(name, p.value());
    }

    /** Σ out ⊙ R for a fixed random R, so every output value has its own weight. */
    private static Var weightedSum(Var out) {
        Tensor r = Tensor.zeros(out.shape());
        SplittableRandom rr = new SplittableRandom(99);
        for (int i = 0; i < r.size(); i++) {
            r.set(i, (float) (rr.nextDouble() * 2 - 1));
        }
        return Ops.sum(Ops.mul(out, out.tape().constant(r)));
    }

    private static void check(List<Parameter> params, Function<Tape, Var> f) {
        GradientCheck.assertMatches(params, tape -> weightedSum(f.apply(tape)));
    }

    @Test
    void linearAndMatmul() {
        Parameter x = param("x", 3, 4);
        Parameter x3 = param("x3", 2, 3, 4);
        Parameter w = param("w", 4, 5);
        Parameter b = param("b", 5);
        check(List.of(x, w, b), t -> Ops.linear(t.param(x), t.param(w), t.param(b)));
        check(List.of(x3, w), t -> Ops.matmul(t.param(x3), t.param(w)));
        Parameter a = param("a", 3, 4);
        Parameter at = param("aT", 4, 3);
        Parameter bb = param("b", 4, 5);
        Parameter bt = param("bT", 5, 4);
        check(List.of(a, bb), t -> Ops.matmul(t.param(a), t.param(bb), false, false));
        check(List.of(at, bb), t -> Ops.matmul(t.param(at), t.param(bb), true, false));
        check(List.of(a, bt), t -> Ops.matmul(t.param(a), t.param(bt), false, true));
        check(List.of(at, bt), t -> Ops.matmul(t.param(at), t.param(bt), true, true));
    }

    @Test
    void elementWiseAndBranching() {
        Parameter x = param("x", 3, 4);
        Parameter y = param("y", 3, 4);
        Parameter b = param("b", 1, 4);
        check(List.of(x, b), t -> Ops.addBias(t.param(x), t.param(b)));
        check(List.of(x, y), t -> Ops.add(t.param(x), t.param(y)));
        check(List.of(x, y), t -> Ops.mul(t.param(x), t.param(y)));
        check(List.of(x), t -> Ops.scale(t.param(x), -1.5f));
        // a Var used twice: x·x + x, gradients from both uses add up
        check(List.of(x), t -> {
            Var v = t.param(x);
            return Ops.add(Ops.mul(v, v), Ops.residual(v, v));
        });
        GradientCheck.assertMatches(List.of(x), t -> Ops.sum(t.param(x)));
        GradientCheck.assertMatches(List.of(x), t -> Ops.mean(Ops.mul(t.param(x), t.param(x))));
    }

    @Test
    void activations() {
        Parameter x = param("x", 3, 5);
        check(List.of(x), t -> Ops.sigmoid(t.param(x)));
        check(List.of(x), t -> Ops.tanh(t.param(x)));
        check(List.of(x), t -> Ops.relu(t.param(x)));
        check(List.of(x), t -> Ops.Activation.IDENTITY.apply(Ops.Activation.SIGMOID.apply(t.param(x))));
        check(List.of(x), t -> Ops.softmax(t.param(x)));
        check(List.of(x), t -> Ops.logSoftmax(t.param(x)));
    }

    @Test
    void embeddingGradientsTouchOnlyTheRowsUsed() {
        Parameter table = sparse("emb", 6, 3);
        int[] ids = {4, 1, 4, -1};
        check(List.of(table), t -> Ops.embedding(t.param(table), ids));
        check(List.of(table), t -> Ops.embedding(t.param(table), new int[] {0, 2, 5, 2, 1, -1}, 2, 3));

        Tape tape = new Tape();
        Var e = Ops.embedding(tape.param(table), ids);
        assertEquals(0f, e.value().get(3, 0), "a negative id is a zero (padding) row");
        tape.backward(weightedSum(e));
        assertEquals(2, table.touchedRowCount());
        assertTrue(table.isRowTouched(4) && table.isRowTouched(1) && !table.isRowTouched(0));
        table.zeroGrad();
    }

    @Test
    void embeddingBagIsASparseTimesDenseProduct() {
        Parameter table = sparse("bag", 8, 3);
        int[] offsets = {0, 3, 3};      // bag 1 is empty
        int[] ids = {2, 5, 2, 7, 0};
        float[] counts = {1, 2, 0.5f, 3, 1};
        check(List.of(table), t -> Ops.embeddingBag(t.param(table), offsets, ids, counts, 3));
        check(List.of(table), t -> Ops.embeddingBag(t.param(table), offsets, ids, null, 3));
        Tape tape = new Tape();
        Var bag = Ops.embeddingBag(tape.param(table), offsets, ids, counts, 3);
        Tensor v = table.value();
        assertEquals(v.get(2, 1) * 1.5f + v.get(5, 1) * 2f, bag.value().get(0, 1), 1e-6);
        assertEquals(0f, bag.value().get(1, 2));
        tape.backward(weightedSum(bag));
        assertEquals(4, table.touchedRowCount(), "rows 2, 5, 7, 0");
        table.zeroGrad();
    }

    @Test
    void conv1dWithChannelsPaddingAndStride() {
        Parameter x = param("x", 7, 2);           // (time, inChannels)
        Parameter xb = param("xb", 2, 5, 2);      // (batch, time, inChannels)
        Parameter w = param("w", 3 * 2, 4);       // (width * inChannels, outChannels)
        Parameter b = param("b", 4);
        check(List.of(x, w, b), t -> Ops.conv1d(t.param(x), t.param(w), t.param(b), 3, 1, 0));
        check(List.of(x, w, b), t -> Ops.conv1d(t.param(x), t.param(w), t.param(b), 3, 2, 2));
        check(List.of(xb, w, b), t -> Ops.conv1d(t.param(xb), t.param(w), t.param(b), 3, 1, 1, 1));
        check(List.of(xb, w), t -> Ops.conv1d(t.param(xb), t.param(w), null, 3, 2, 0, 1));
        check(List.of(xb, w), t -> Ops.conv1d(t.param(xb), t.param(w), null, 3, 3, 1, 0));
    }

    @Test
    void conv1dOutputLengthFollowsTheLecture() {
        Tape tape = new Tape();
        // ⌊(n − k + p + s) / s⌋ for n = 7, k = 3
        int[][] cases = {{0, 1, 5}, {2, 1, 7}, {0, 2, 3}, {2, 2, 4}, {1, 3, 2}};
        for (int[] c : cases) {
            Var x = tape.input(7, 1);
            Var w = tape.input(3, 1);
            Var y = Ops.conv1d(x, w, null, 3, c[1], c[0]);
            assertEquals(c[2], y.dim(0), "p=" + c[0] + " s=" + c[1]);
            assertEquals((7 - 3 + c[0] + c[1]) / c[1], y.dim(0));
        }
        // a hand-computed example: x = 1..5 (one channel), filter (1, 0, -1), bias 0.5
        Var x = tape.constant(Tensor.of(new float[] {1, 2, 3, 4, 5}, 5, 1));
        Var w = tape.constant(Tensor.of(new float[] {1, 0, -1}, 3, 1));
        Var b = tape.constant(Tensor.of(new float[] {0.5f}, 1));
        Var y = Ops.conv1d(x, w, b, 3, 1, 1, 1);
        assertEquals(List.of(-1.5f, -1.5f, -1.5f, -1.5f, 4.5f), toList(y.value()));
        Var w7 = tape.input(7, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> Ops.conv1d(x, w7, null, 7, 1, 0));
        assertTrue(e.getMessage().contains("wider than the input of 5 steps"), e.getMessage());
    }

    private static List<Float> toList(Tensor t) {
        Float[] a = new Float[t.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = t.get(i);
        }
        return List.of(a);
    }

    @Test
    void poolingOverTime() {
        Parameter x = param("x", 4, 3);
        Parameter xb = param("xb", 2, 4, 3);
        check(List.of(x), t -> Ops.maxPoolTime(t.param(x)));
        check(List.of(xb), t -> Ops.maxPoolTime(t.param(xb)));
        check(List.of(xb), t -> Ops.meanPoolTime(t.param(xb)));
        Tape tape = new Tape();
        Var p = Ops.maxPoolTime(tape.constant(Tensor.of(new float[] {1, 5, 3, 2, 4, 6}, 3, 2)));
        assertEquals(List.of(4f, 6f), toList(p.value()));
        assertEquals(2, p.rank());
    }

    @Test
    void structuralOps() {
        Parameter a = param("a", 2, 3);
        Parameter b = param("b", 2, 2);
        Parameter s = param("s", 2, 3, 4);
        check(List.of(a, b), t -> Ops.concat(t.param(a), t.param(b), t.param(a)));
        check(List.of(a), t -> Ops.reshape(t.param(a), 3, 2));
        check(List.of(s), t -> Ops.timeStep(t.param(s), 1));
        check(List.of(a, b), t -> Ops.stack(Ops.sliceColumns(t.param(a), 1, 3), t.param(b)));
        check(List.of(s), t -> Ops.sliceColumns(t.param(s), 1, 3));
        check(List.of(a), t -> Ops.sliceRows(t.param(a), 1, 2));
        check(List.of(a), t -> Ops.dropout(t.param(a), 0.5f));
    }

    @Test
    void dropoutIsInvertedInTrainingAndTheIdentityInEvaluation() {
        Tape tape = new Tape().setSeed(3);
        Tensor ones = Tensor.zeros(1000);
        ones.fill(1f);
        Var x = tape.constant(ones);
        Var y = Ops.dropout(x, 0.25f);
        int zeros = 0;
        for (int i = 0; i < 1000; i++) {
            float v = y.value().get(i);
            assertTrue(v == 0f || Math.abs(v - 1f / 0.75f) < 1e-6, "kept values are scaled by 1/(1-p): " + v);
            zeros += v == 0f ? 1 : 0;
        }
        assertTrue(zeros > 200 && zeros < 300, "about a quarter dropped: " + zeros);
        tape.setTraining(false);
        assertSame(x, Ops.dropout(x, 0.25f));
    }

    @Test
    void losses() {
        Parameter o = param("o", 3, 4);
        Tensor target = Tensor.of(new float[] {0, 1, 0, 1, 1, 0, 0, 0, 0.5f, 0.2f, 1, 0}, 3, 4);
        GradientCheck.assertMatches(List.of(o), t -> Losses.squaredError(t.param(o), target));
        GradientCheck.assertMatches(List.of(o), t -> Losses.softmaxCrossEntropy(t.param(o), new int[] {2, -1, 0}));
        GradientCheck.assertMatches(List.of(o), t -> Losses.sigmoidBinaryCrossEntropy(t.param(o), target));
        // a loss on a loss: auxiliary heads are weighted sums of scalar losses
        GradientCheck.assertMatches(List.of(o), t -> {
            Var v = t.param(o);
            return Ops.add(Losses.softmaxCrossEntropy(v, new int[] {1, 2, 3}), Ops.scale(Losses.squaredError(v, target), 0.3f));
        });
    }

    @Test
    void hierarchicalSoftmax() {
        // a tree over 4 words with 3 inner nodes: a = 0, b = 10, c = 110, d = 111
        int[][] codes = {{0}, {1, 0}, {1, 1, 0}, {1, 1, 1}};
        int[][] points = {{0}, {0, 1}, {0, 1, 2}, {0, 1, 2}};
        Parameter h = param("h", 3, 5);
        Parameter inner = sparse("inner", 3, 5);
        int[] targets = {2, 0, 3};
        GradientCheck.assertMatches(List.of(h, inner), t -> HierarchicalSoftmax.loss(t.param(h), inner, codes, points, targets));

        // the path probabilities of all words sum to 1
        double total = 0;
        for (int w = 0; w < 4; w++) {
            total += Math.exp(HierarchicalSoftmax.logProbability(h.value().data(), 0, inner.value(), codes[w], points[w]));
        }
        assertEquals(1.0, total, 1e-5);

        Tape tape = new Tape();
        Var loss = HierarchicalSoftmax.loss(tape.param(h), inner, codes, points, new int[] {0, 0, 0});
        tape.backward(loss);
        assertEquals(1, inner.touchedRowCount(), "word a's path has only the root");
        double expected = -HierarchicalSoftmax.logProbability(h.value().data(), 0, inner.value(), codes[0], points[0]);
        assertEquals(expected, -HierarchicalSoftmax.logProbability(h.value().data(), 0, inner.value(), codes[0], points[0]));
        inner.zeroGrad();
        h.zeroGrad();
    }

    @Test
    void negativeSampling() {
        Parameter h = param("h", 2, 4);
        Parameter out = sparse("out", 7, 4);
        int[] positives = {3, 5};
        int[] negatives = {1, 3, 6, 2, 2, 0}; // example 0 draws its own positive (3): skipped
        GradientCheck.assertMatches(List.of(h, out), t -> NegativeSampling.loss(t.param(h), out, positives, negatives, 3));
        Tape tape = new Tape();
        tape.backward(NegativeSampling.loss(tape.param(h), out, positives, negatives, 3));
        assertEquals(6, out.touchedRowCount(), "rows 3, 1, 6, 5, 2, 0");
        assertFalse(out.isRowTouched(4));
        out.zeroGrad();
        h.zeroGrad();
    }
}
