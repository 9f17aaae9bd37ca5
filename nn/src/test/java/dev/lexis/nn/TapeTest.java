package dev.lexis.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tape's contract: accumulation, reuse, gradient targets, errors; and the lecture's worked examples. */
class TapeTest {

    private static Tensor random(SplittableRandom r, int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, (float) (r.nextDouble() - 0.5));
        }
        return t;
    }

    @Test
    void softmaxOfTheLectureExample() {
        Tape tape = new Tape();
        Var p = Ops.softmax(tape.constant(Tensor.of(new float[] {4, 1, -4}, 1, 3)));
        // the lecture's (95.25 %, 4.71 %, 0.04 %) used e¹ ≈ 2.7; exactly it is (95.227 %, 4.741 %, 0.032 %)
        assertEquals(0.9525, p.value().get(0), 5e-4);
        assertEquals(0.0471, p.value().get(1), 5e-4);
        assertEquals(0.0004, p.value().get(2), 1e-4);
        assertEquals(Math.exp(4) / (Math.exp(4) + Math.exp(1) + Math.exp(-4)), p.value().get(0), 1e-6);
        // and no overflow far from 0
        Var q = Ops.softmax(tape.constant(Tensor.of(new float[] {1004, 1001, 996}, 1, 3)));
        assertEquals(p.value().get(0), q.value().get(0), 1e-6);
    }

    @Test
    void crossEntropyGradientIsPredictionMinusTruth() {
        Tape tape = new Tape();
        float[] yHat = {0.34f, 0.46f, 0.20f};
        Tensor logits = Tensor.zeros(1, 3);
        for (int i = 0; i < 3; i++) {
            logits.set(i, (float) Math.log(yHat[i]));
        }
        Var x = tape.variable(logits);
        Var loss = Losses.softmaxCrossEntropy(x, new int[] {0});
        assertEquals(-Math.log(0.34), loss.item(), 1e-5);
        tape.backward(loss);
        assertArrayEquals(new float[] {-0.66f, 0.46f, 0.20f}, x.grad().toArray(), 1e-5f);
    }

    @Test
    void sigmoidBackpropagatesTheLectureDelta() {
        // δ_j = o_j (1 − o_j) Σ_k δ_k w_kj for sigmoid units j feeding units k
        SplittableRandom r = new SplittableRandom(5);
        Tape tape = new Tape();
        Var z = tape.variable(random(r, 1, 4));          // net input of the 4 sigmoid units j
        Tensor w = random(r, 4, 3);                      // w[j][k]: weight from j to k
        Var o = Ops.sigmoid(z);
        Var net = Ops.matmul(o, tape.constant(w));       // net input of the 3 units k
        float[] deltaK = {0.3f, -0.7f, 0.1f};
        tape.backward(net, Tensor.of(deltaK.clone(), 1, 3));
        for (int j = 0; j < 4; j++) {
            float oj = o.value().get(j);
            double s = 0;
            for (int k = 0; k < 3; k++) {
                s += deltaK[k] * w.get(j, k);
            }
            assertEquals(oj * (1 - oj) * s, z.grad().get(j), 1e-6, "δ_" + j);
        }
    }

    @Test
    void gradientsAccumulateIntoParametersUntilZeroed() {
        Parameter p = Parameter.dense("p", Tensor.of(new float[] {1, 2, 3}, 3));
        Tape tape = new Tape();
        tape.backward(Ops.sum(Ops.scale(tape.param(p), 2f)));
        tape.reset();
        tape.backward(Ops.sum(tape.param(p)));
        assertArrayEquals(new float[] {3, 3, 3}, p.grad().toArray());
        tape.gradients().zero();
        assertArrayEquals(new float[] {0, 0, 0}, p.grad().toArray());
    }

    @Test
    void privateGradientsReduceToTheSameAsDirectOnes() {
        SplittableRandom r = new SplittableRandom(9);
        Parameter emb = Parameter.sparseRows("emb", random(r, 10, 4));
        Parameter w = Parameter.dense("w", random(r, 4, 3));
        int[][] batches = {{1, 2, 3}, {3, 7, 9}};
        int[][] labels = {{0, 1, 2}, {2, 2, 0}};

        for (int b = 0; b < 2; b++) {
            Tape tape = new Tape();
            tape.backward(Losses.softmaxCrossEntropy(Ops.matmul(Ops.embedding(tape.param(emb), batches[b]), tape.param(w)), labels[b]));
        }
        float[] directEmb = emb.grad().toArray();
        float[] directW = w.grad().toArray();
        int[] directRows = emb.touchedRows();
        emb.zeroGrad();
        w.zeroGrad();

        Gradients[] workers = {new Gradients(), new Gradients()};
        for (int b = 0; b < 2; b++) {
            Tape tape = new Tape(workers[b]);
            tape.backward(Losses.softmaxCrossEntropy(Ops.matmul(Ops.embedding(tape.param(emb), batches[b]), tape.param(w)), labels[b]));
        }
        assertEquals(0, emb.touchedRowCount(), "private gradients leave the parameters alone");
        assertEquals(0f, w.grad().get(0));
        workers[1].addTo(workers[0]);
        workers[0].addToParameters();
        assertArrayEquals(directEmb, emb.grad().toArray(), 1e-6f);
        assertArrayEquals(directW, w.grad().toArray(), 1e-6f);
        assertEquals(directRows.length, emb.touchedRowCount());
        assertTrue(emb.isRowTouched(7) && !emb.isRowTouched(0));

        workers[0].zero();
        assertEquals(0.0, workers[0].sumOfSquares());
    }

    @Test
    void resetReusesVarsAndBuffers() {
        SplittableRandom r = new SplittableRandom(1);
        Parameter w = Parameter.dense("w", random(r, 5, 5));
        Tape tape = new Tape();
        float[][] storesBefore = new float[2][];
        for (int step = 0; step < 3; step++) {
            tape.reset();
            Var x = tape.input(2, 5);
            x.value().fill(0.5f);
            Var h = Ops.tanh(Ops.matmul(x, tape.param(w)));
            Var loss = Ops.sum(h);
            tape.backward(loss);
            if (step == 0) {
                storesBefore[0] = h.value().data();
                storesBefore[1] = h.grad().data();
            } else {
                assertSame(storesBefore[0], h.value().data(), "value buffer reused");
                assertSame(storesBefore[1], h.grad().data(), "gradient buffer reused");
            }
            assertEquals(5, tape.size());
        }
    }

    @Test
    void frozenParametersAndConstantsGetNoGradient() {
        Parameter p = Parameter.dense("frozen", Tensor.of(new float[] {1, 2}, 2)).setTrainable(false);
        Tape tape = new Tape();
        Var v = tape.param(p);
        Var c = tape.constant(Tensor.of(new float[] {3, 4}, 2));
        Var x = tape.variable(Tensor.of(new float[] {5, 6}, 2));
        Var loss = Ops.sum(Ops.mul(Ops.add(v, c), x));
        assertFalse(v.requiresGrad());
        tape.backward(loss);
        assertArrayEquals(new float[] {0, 0}, p.grad().toArray());
        assertFalse(c.hasGrad());
        assertArrayEquals(new float[] {4, 6}, x.grad().toArray());
        var e = assertThrows(IllegalStateException.class, c::grad);
        assertTrue(e.getMessage().contains("no gradient"), e.getMessage());
    }

    @Test
    void misuseIsReportedClearly() {
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.zeros(2, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> tape.backward(x));
        assertTrue(e.getMessage().contains("one-element loss"), e.getMessage());
        Tape other = new Tape();
        e = assertThrows(IllegalArgumentException.class, () -> Ops.add(x, other.variable(Tensor.zeros(2, 3))));
        assertTrue(e.getMessage().contains("another tape"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Ops.matmul(x, tape.variable(Tensor.zeros(2, 3))));
        assertTrue(e.getMessage().contains("w must be (3, n)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.softmaxCrossEntropy(x, new int[] {0, 3}));
        assertTrue(e.getMessage().contains("target 3 in row 1 is not one of 3 classes"), e.getMessage());
        tape.reset();
        var s = assertThrows(IllegalStateException.class, () -> Ops.sum(x));
        assertTrue(s.getMessage().contains("stale"), s.getMessage());
    }

    /** A custom op through the public extension API: y = x² element-wise. */
    private static Var square(Var x) {
        Var y = x.tape().record(out -> {
            Var in = out.input(0);
            if (in.requiresGrad()) {
                Tensor d = in.gradBuffer();
                for (int i = 0; i < d.size(); i++) {
                    d.set(i, d.get(i) + 2 * in.value().get(i) * out.grad().get(i));
                }
            }
        }, x.shape(), x);
        for (int i = 0; i < x.size(); i++) {
            y.value().set(i, x.value().get(i) * x.value().get(i));
        }
        return y;
    }

    @Test
    void customOpsRecordTheirOwnBackward() {
        Parameter p = Parameter.dense("p", Tensor.of(new float[] {0.5f, -1.5f, 2f}, 3));
        GradientCheck.assertMatches(java.util.List.of(p), t -> Ops.sum(Ops.tanh(square(t.param(p)))));
        Tape tape = new Tape();
        Var x = tape.variable(Tensor.of(new float[] {3f}, 1));
        tape.backward(Ops.sum(square(x)));
        assertEquals(6f, x.grad().get(0));
    }

    @Test
    void gradientCheckNamesTheTensorIndexAndBothValues() {
        Parameter p = Parameter.dense("weights", Tensor.of(new float[] {0.5f, -1.5f, 2f}, 3));
        // a wrong backward: claims d/dx x² = x instead of 2x
        java.util.function.Function<Tape, Var> wrong = t -> {
            Var x = t.param(p);
            Var y = t.record(out -> {
                Tensor d = out.input(0).gradBuffer();
                for (int i = 0; i < d.size(); i++) {
                    d.set(i, d.get(i) + out.input(0).value().get(i) * out.grad().get(i));
                }
            }, x.shape(), x);
            for (int i = 0; i < 3; i++) {
                y.value().set(i, x.value().get(i) * x.value().get(i));
            }
            return Ops.sum(y);
        };
        AssertionError e = assertThrows(AssertionError.class, () -> GradientCheck.assertMatches(java.util.List.of(p), wrong));
        assertTrue(e.getMessage().matches("(?s).*weights\\[1\\]: analytic -1\\.5, numeric -(3\\.0|2\\.999).*"), e.getMessage());
        var sampled = GradientCheck.check(java.util.List.of(p), wrong, 1e-2, 1e-2, 1e-2, 2);
        assertEquals(2, sampled.checked());
        assertEquals(2, sampled.failures().size());
        assertEquals(2, sampled.failures().get(1).index(), "first and last values");
    }

    @Test
    void perplexityHelpersAgreeWithTheLoss() {
        Tensor logits = Tensor.of(new float[] {1, 2, 3, 0, 0, 5}, 2, 3);
        int[] targets = {2, 0};
        Tape tape = new Tape();
        float mean = Losses.softmaxCrossEntropy(tape.constant(logits), targets).item();
        assertEquals(2 * mean, Losses.negativeLogLikelihood(logits, targets), 1e-5);
        assertEquals(Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3))),
                Losses.logProbability(logits, 0, 2), 1e-6);
    }
}
