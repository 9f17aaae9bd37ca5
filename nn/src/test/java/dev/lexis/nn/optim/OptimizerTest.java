package dev.lexis.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OptimizerTest {
    private static final float[] TARGET = {1f, -2f, 0.5f, 3f, -1f, 0f};
    private static final float[] CURVATURE = {0.5f, 1f, 2f, 1.5f, 0.8f, 1.2f};

    /** f(w) = ½ Σ a_i (w_i − c_i)², so ∇f = a (w − c). */
    private static void quadraticGradient(Parameter p) {
        float[] w = p.value().data();
        float[] g = p.grad().data();
        for (int i = 0; i < w.length; i++) {
            g[i] += CURVATURE[i] * (w[i] - TARGET[i]);
        }
        if (p.isSparseRows()) {
            for (int r = 0; r < p.value().dim(0); r++) {
                p.touchRow(r);
            }
        }
    }

    private static double distanceToTarget(Parameter p) {
        double s = 0;
        for (int i = 0; i < TARGET.length; i++) {
            s += Math.pow(p.value().get(i) - TARGET[i], 2);
        }
        return Math.sqrt(s);
    }

    private static void assertConverges(String label, Function<List<Parameter>, Optimizer> factory, int steps,
                                        double tolerance) {
        for (boolean sparse : new boolean[] {false, true}) {
            Tensor start = Tensor.of(new float[] {4f, 4f, -3f, 0f, 2f, -5f}, 3, 2);
            Parameter p = sparse ? Parameter.sparseRows("w", start) : Parameter.dense("w", start);
            Optimizer optimizer = factory.apply(List.of(p));
            double before = distanceToTarget(p);
            for (int t = 0; t < steps; t++) {
                optimizer.zeroGrad();
                quadraticGradient(p);
                optimizer.step();
            }
            double after = distanceToTarget(p);
            assertTrue(after < tolerance, label + (sparse ? " (sparse)" : "") + ": distance " + before + " -> " + after);
            assertEquals(steps, optimizer.stepCount());
        }
    }

    @Test
    void everyOptimizerConvergesOnAQuadratic() {
        assertConverges("sgd", ps -> Optimizer.sgd(ps, 0.5f), 200, 1e-4);
        assertConverges("momentum", ps -> Optimizer.momentum(ps, 0.1f, 0.9f), 300, 1e-4);
        assertConverges("nesterov", ps -> Optimizer.nesterov(ps, 0.1f, 0.9f), 300, 1e-4);
        assertConverges("adagrad", ps -> Optimizer.adaGrad(ps, 1f), 500, 1e-3);
        assertConverges("adadelta", ps -> Optimizer.adadelta(ps, 0.95f, 1e-6f), 3000, 1e-2);
        assertConverges("adam", ps -> Optimizer.adam(ps, 0.05f), 2000, 1e-3);
        assertConverges("sgd cosine", ps -> Optimizer.sgd(ps, 0.5f)
                .setSchedule(LearningRateSchedule.cosine(0.5f, 0.05f, 200)), 200, 1e-4);
    }

    private static Parameter scalarParameter(float value) {
        return Parameter.dense("w", Tensor.of(new float[] {value}, 1));
    }

    private static float stepWith(Optimizer optimizer, Parameter p, float gradient) {
        optimizer.zeroGrad();
        p.grad().set(0, gradient);
        optimizer.step();
        return p.value().get(0);
    }

    @Test
    void sgdAndMomentumStepsMatchTheFormulas() {
        Parameter p = scalarParameter(1f);
        assertEquals(0.95f, stepWith(Optimizer.sgd(List.of(p), 0.1f), p, 0.5f), 1e-7);

        p = scalarParameter(1f);
        Optimizer decayed = Optimizer.sgd(List.of(p), 0.1f).setWeightDecay(0.01f);
        assertEquals(1 - 0.1 * (0.5 + 0.01), stepWith(decayed, p, 0.5f), 1e-7);

        p = scalarParameter(1f);
        Optimizer momentum = Optimizer.momentum(List.of(p), 0.1f, 0.9f);
        assertEquals(0.9, stepWith(momentum, p, 1f), 1e-7);         // v = 1
        assertEquals(0.9 - 0.1 * 1.9, stepWith(momentum, p, 1f), 1e-6);   // v = 0.9 + 1

        p = scalarParameter(1f);
        Optimizer nesterov = Optimizer.nesterov(List.of(p), 0.1f, 0.9f);
        assertEquals(1 - 0.1 * (1 + 0.9), stepWith(nesterov, p, 1f), 1e-7);
        assertEquals(0.81 - 0.1 * (1 + 0.9 * 1.9), stepWith(nesterov, p, 1f), 1e-6);
    }

    @Test
    void adaGradAndAdadeltaStepsMatchTheFormulas() {
        Parameter p = scalarParameter(1f);
        Optimizer adaGrad = Optimizer.adaGrad(List.of(p), 0.1f);
        assertEquals(1 - 0.1 * 2 / 2, stepWith(adaGrad, p, 2f), 1e-7);
        assertEquals(0.9 - 0.1 / Math.sqrt(5), stepWith(adaGrad, p, 1f), 1e-6);

        p = scalarParameter(1f);
        Optimizer adadelta = Optimizer.adadelta(List.of(p), 0.95f, 1e-6f);
        double rho = 0.95;
        double eps = 1e-6;
        double sq = (1 - rho) * 1;
        double delta1 = Math.sqrt(0 + eps) / Math.sqrt(sq + eps) * 1;
        double acc = (1 - rho) * delta1 * delta1;
        assertEquals(1 - delta1, stepWith(adadelta, p, 1f), 1e-7);
        sq = rho * sq + (1 - rho) * 0.25;
        double delta2 = Math.sqrt(acc + eps) / Math.sqrt(sq + eps) * -0.5;
        assertEquals(1 - delta1 - delta2, stepWith(adadelta, p, -0.5f), 1e-7);
    }

    @Test
    void adamStepsMatchTheFormulas() {
        Parameter p = scalarParameter(1f);
        Optimizer adam = Optimizer.adam(List.of(p), 0.001f);
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        // step 1: m̂ = g, v̂ = g², so the step is η · g / (|g| + ε) ≈ η · sign(g)
        double m = (1 - b1) * 0.5;
        double v = (1 - b2) * 0.25;
        double w = 1 - 0.001 * (m / (1 - b1)) / (Math.sqrt(v / (1 - b2)) + eps);
        assertEquals(w, stepWith(adam, p, 0.5f), 1e-7);
        assertEquals(0.999, w, 1e-7);
        m = b1 * m + (1 - b1) * -1;
        v = b2 * v + (1 - b2) * 1;
        w -= 0.001 * (m / (1 - b1 * b1)) / (Math.sqrt(v / (1 - b2 * b2)) + eps);
        assertEquals(w, stepWith(adam, p, -1f), 1e-7);
    }

    private static List<Function<List<Parameter>, Optimizer>> allOptimizers() {
        return List.of(
                ps -> Optimizer.sgd(ps, 0.1f),
                ps -> Optimizer.momentum(ps, 0.1f, 0.9f),
                ps -> Optimizer.nesterov(ps, 0.1f, 0.9f),
                ps -> Optimizer.adaGrad(ps, 0.1f),
                ps -> Optimizer.adadelta(ps, 0.95f, 1e-6f),
                ps -> Optimizer.adam(ps, 0.01f));
    }

    @Test
    void sparseRowsUpdateExactlyLikeDenseWhenTheSameRowsAreTouched() {
        for (var factory : allOptimizers()) {
            var random = new SplittableRandom(9);
            float[] init = new float[6 * 3];
            for (int i = 0; i < init.length; i++) {
                init[i] = (float) random.nextGaussian();
            }
            Parameter dense = Parameter.dense("e", Tensor.of(init.clone(), 6, 3));
            Parameter sparse = Parameter.sparseRows("e", Tensor.of(init.clone(), 6, 3));
            Optimizer denseOpt = factory.apply(List.of(dense));
            Optimizer sparseOpt = factory.apply(List.of(sparse));
            for (int t = 0; t < 4; t++) {
                denseOpt.zeroGrad();
                sparseOpt.zeroGrad();
                for (int row : new int[] {4, 1}) {
                    sparse.touchRow(row);
                    for (int c = 0; c < 3; c++) {
                        float g = (float) random.nextGaussian();
                        dense.grad().set(row, c, g);
                        sparse.grad().set(row, c, g);
                    }
                }
                denseOpt.step();
                sparseOpt.step();
            }
            assertArrayEquals(dense.value().toArray(), sparse.value().toArray(), denseOpt.name());
            for (int c = 0; c < 3; c++) {
                assertEquals(init[c], sparse.value().get(0, c), "untouched row 0 changed");
            }
        }
    }

    @Test
    void sparseUpdatesAreLazyForRowsNotTouchedThisStep() {
        Parameter dense = Parameter.dense("e", Tensor.of(new float[] {1, 1, 1, 1}, 2, 2));
        Parameter sparse = Parameter.sparseRows("e", Tensor.of(new float[] {1, 1, 1, 1}, 2, 2));
        Optimizer denseOpt = Optimizer.momentum(List.of(dense), 0.1f, 0.9f);
        Optimizer sparseOpt = Optimizer.momentum(List.of(sparse), 0.1f, 0.9f);
        // step 1 touches row 0, step 2 only row 1
        for (int[] rows : new int[][] {{0}, {1}}) {
            denseOpt.zeroGrad();
            sparseOpt.zeroGrad();
            for (int row : rows) {
                sparse.touchRow(row);
                dense.grad().set(row, 0, 1f);
                sparse.grad().set(row, 0, 1f);
            }
            denseOpt.step();
            sparseOpt.step();
        }
        assertEquals(0.9f, sparse.value().get(0, 0), 1e-7, "row 0 keeps its value when not touched");
        assertEquals(0.9f - 0.1f * 0.9f, dense.value().get(0, 0), 1e-7, "dense momentum keeps moving row 0");
        assertEquals(0.9f, sparse.value().get(1, 0), 1e-7);
    }

    @Test
    void frozenParametersAreSkipped() {
        Parameter frozen = scalarParameter(1f).setTrainable(false);
        Parameter live = Parameter.dense("live", Tensor.of(new float[] {1f}, 1));
        Optimizer adam = Optimizer.adam(List.of(frozen, live), 0.1f);
        frozen.grad().set(0, 1f);
        live.grad().set(0, 1f);
        adam.step();
        assertEquals(1f, frozen.value().get(0));
        assertNotEquals(1f, live.value().get(0));
        assertFalse(adam.exportState().keySet().stream().anyMatch(k -> k.endsWith("/w")));
        adam.zeroGrad();
        assertEquals(0f, frozen.grad().get(0), "zeroGrad clears frozen gradients too");
    }

    @Test
    void clippingByGlobalNormAndByValue() {
        Parameter a = Parameter.dense("a", Tensor.zeros(2));
        Parameter b = Parameter.sparseRows("b", Tensor.zeros(3, 2));
        Parameter frozen = Parameter.dense("frozen", Tensor.zeros(1)).setTrainable(false);
        a.grad().set(0, 3f);
        a.grad().set(1, 4f);
        b.touchRow(1);
        b.grad().set(1, 0, 12f);
        frozen.grad().set(0, 100f);
        List<Parameter> all = List.of(a, b, frozen);
        assertEquals(13.0, GradientClipping.globalNorm(all), 1e-9);
        assertEquals(13.0, GradientClipping.clipByGlobalNorm(all, 6.5f), 1e-9);
        float scale = (float) (6.5 / (13 + 1e-6));
        assertArrayEquals(new float[] {3 * scale, 4 * scale}, a.grad().toArray());
        assertEquals(12 * scale, b.grad().get(1, 0));
        assertEquals(100f, frozen.grad().get(0));
        assertEquals(6.5, GradientClipping.globalNorm(all), 1e-5);
        // below the limit: untouched
        assertEquals(6.5, GradientClipping.clipByGlobalNorm(all, 10f), 1e-5);
        assertEquals(3 * scale, a.grad().get(0));

        GradientClipping.clipByValue(all, 2f);
        assertArrayEquals(new float[] {1.5f, 2f}, a.grad().toArray(), 1e-6f);
        assertEquals(2f, b.grad().get(1, 0));
        assertEquals(0f, b.grad().get(1, 1));

        Optimizer sgd = Optimizer.sgd(List.of(a), 1f).setClipNorm(1f);
        a.grad().set(0, 3f);
        a.grad().set(1, 4f);
        a.value().fill(0f);
        sgd.step();
        assertEquals(5.0, sgd.lastGradientNorm(), 1e-9);
        assertArrayEquals(new float[] {-0.6f, -0.8f}, a.value().toArray(), 1e-6f);
    }

    @Test
    void maxNormRescalesLongRowsOrColumns() {
        Parameter w = Parameter.dense("softmax.weight", Tensor.of(new float[] {3, 4, 0.3f, 0.4f}, 2, 2));
        new MaxNormConstraint(3f, MaxNormConstraint.Axis.ROWS, List.of(w)).apply();
        assertArrayEquals(new float[] {1.8f, 2.4f, 0.3f, 0.4f}, w.value().toArray(), 1e-6f);

        Parameter c = Parameter.dense("c", Tensor.of(new float[] {3, 0.3f, 4, 0.4f}, 2, 2));
        new MaxNormConstraint(3f, MaxNormConstraint.Axis.COLUMNS, List.of(c)).apply();
        assertArrayEquals(new float[] {1.8f, 0.3f, 2.4f, 0.4f}, c.value().toArray(), 1e-6f);

        Parameter p = Parameter.dense("p", Tensor.of(new float[] {0, 0}, 1, 2));
        Optimizer sgd = Optimizer.sgd(List.of(p), 1f).addMaxNormRows(3f, List.of(p));
        p.grad().set(0, -30f);
        p.grad().set(1, -40f);
        sgd.step();
        assertArrayEquals(new float[] {1.8f, 2.4f}, p.value().toArray(), 1e-6f);

        var e = assertThrows(IllegalArgumentException.class,
                () -> new MaxNormConstraint(3f, MaxNormConstraint.Axis.ROWS, List.of(scalarParameter(1))));
        assertEquals("max-norm needs rank-2 parameters; w[1] has rank 1", e.getMessage());
    }

    @Test
    void schedulesGiveTheRightRates() {
        assertEquals(0.1f, LearningRateSchedule.constant(0.1f).rate(12345));
        var linear = LearningRateSchedule.linearDecay(1f, 0.1f, 10);
        assertEquals(1f, linear.rate(0));
        assertEquals(0.55f, linear.rate(5), 1e-6);
        assertEquals(0.1f, linear.rate(10), 1e-7);
        assertEquals(0.1f, linear.rate(1000), 1e-7);
        var step = LearningRateSchedule.stepDecay(1f, 0.5f, 3);
        assertEquals(1f, step.rate(2));
        assertEquals(0.5f, step.rate(3));
        assertEquals(0.25f, step.rate(8));
        var cosine = LearningRateSchedule.cosine(1f, 0f, 100);
        assertEquals(1f, cosine.rate(0));
        assertEquals(0.5f, cosine.rate(50), 1e-6);
        assertEquals(0f, cosine.rate(100), 1e-7);
        assertEquals(0f, cosine.rate(200), 1e-7);

        Parameter p = scalarParameter(0f);
        Optimizer sgd = Optimizer.sgd(List.of(p), 1f).setSchedule(step);
        for (int t = 0; t < 4; t++) {
            assertEquals(step.rate(t), sgd.currentLearningRate());
            stepWith(sgd, p, -1f);
        }
        assertEquals(3 * 1f + 0.5f, p.value().get(0), 1e-6);

        var e = assertThrows(IllegalArgumentException.class, () -> LearningRateSchedule.linearDecay(1f, 0f, 0));
        assertEquals("totalSteps must be > 0, got 0", e.getMessage());
    }

    @Test
    void exportedStateResumesExactly() {
        for (var factory : allOptimizers()) {
            var random = new SplittableRandom(5);
            List<float[]> gradients = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                float[] g = new float[4 + 6];
                for (int i = 0; i < g.length; i++) {
                    g[i] = (float) random.nextGaussian();
                }
                gradients.add(g);
            }
            // A: six steps straight through
            List<Parameter> a = freshParameters();
            Optimizer optA = factory.apply(a);
            for (float[] g : gradients) {
                applyGradient(optA, a, g);
            }
            // B: three steps, export, then a new optimizer over copied parameters does three more
            List<Parameter> b = freshParameters();
            Optimizer optB = factory.apply(b);
            for (float[] g : gradients.subList(0, 3)) {
                applyGradient(optB, b, g);
            }
            Map<String, Tensor> state = optB.exportState();
            List<Parameter> c = freshParameters();
            for (int i = 0; i < c.size(); i++) {
                c.get(i).value().copyFrom(b.get(i).value());
            }
            Optimizer optC = factory.apply(c);
            optC.importState(state);
            assertEquals(3, optC.stepCount());
            for (float[] g : gradients.subList(3, 6)) {
                applyGradient(optC, c, g);
            }
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).value().toArray(), c.get(i).value().toArray(), optA.name());
            }
        }
    }

    private static List<Parameter> freshParameters() {
        return List.of(Parameter.dense("dense0.weight", Tensor.of(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 2, 2)),
                Parameter.sparseRows("embedding", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2)));
    }

    private static void applyGradient(Optimizer optimizer, List<Parameter> ps, float[] g) {
        optimizer.zeroGrad();
        for (int i = 0; i < 4; i++) {
            ps.get(0).grad().set(i, g[i]);
        }
        Parameter e = ps.get(1);
        e.touchRow(2);
        e.touchRow(0);
        e.grad().set(2, 0, g[4]);
        e.grad().set(2, 1, g[5]);
        e.grad().set(0, 0, g[6]);
        optimizer.step();
    }

    @Test
    void stateOfAnotherOptimizerOrShapeIsRefused() {
        Map<String, Tensor> adamState = Optimizer.adam(freshParameters(), 0.1f).exportState();
        Optimizer sgd = Optimizer.momentum(freshParameters(), 0.1f, 0.9f);
        var e = assertThrows(IllegalArgumentException.class, () -> sgd.importState(adamState));
        assertTrue(e.getMessage().startsWith("no optimizer state \"optimizer.sgd.step\" (found: [optimizer.adam.m/"),
                e.getMessage());

        Optimizer adam = Optimizer.adam(List.of(Parameter.dense("dense0.weight", Tensor.zeros(3, 2)),
                Parameter.sparseRows("embedding", Tensor.zeros(3, 2))), 0.1f);
        e = assertThrows(IllegalArgumentException.class, () -> adam.importState(adamState));
        assertEquals("optimizer state \"optimizer.adam.m/dense0.weight\" has shape [2, 2], the parameter has [3, 2]",
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.momentum(freshParameters(), 0.1f, 1f));
        assertEquals("momentum must be in [0, 1), got 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizer.sgd(
                List.of(scalarParameter(1), scalarParameter(2)), 0.1f));
        assertEquals("two parameters are called \"w\"", e.getMessage());
    }

    @Test
    void stepCountsBeyondSixteenMillionSurviveExport() {
        Parameter p = scalarParameter(0f);
        Optimizer sgd = Optimizer.sgd(List.of(p), 0.1f);
        Map<String, Tensor> state = new java.util.HashMap<>(sgd.exportState());
        long big = (1L << 40) + 12345;
        state.put(sgd.stepTensorName(), Tensor.of(new float[] {(float) (big >>> 24), (float) (big & 0xFFFFFF)}, 2));
        sgd.importState(state);
        assertEquals(big, sgd.stepCount());
    }

    @Test
    void optimizerConfigRoundTripsThroughPropertiesAndCreates() {
        OptimizerConfig adadelta = OptimizerConfig.defaults(OptimizerConfig.Kind.ADADELTA).withClipNorm(3f);
        assertEquals(adadelta, OptimizerConfig.fromProperties(adadelta.toProperties()));
        Optimizer created = adadelta.create(freshParameters());
        assertTrue(created instanceof Adadelta);
        assertEquals(0.95f, ((Adadelta) created).rho());
        assertEquals(3f, created.clipNorm());
        assertEquals(1f, created.currentLearningRate());

        OptimizerConfig nesterov = OptimizerConfig.fromProperties(Map.of("optimizer", "Nesterov", "learningRate", "0.5"));
        Sgd sgd = (Sgd) nesterov.create(freshParameters());
        assertTrue(sgd.isNesterov());
        assertEquals(0.9f, sgd.momentum());
        assertEquals(0.5f, sgd.currentLearningRate());

        var e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerConfig.fromProperties(Map.of("optimizer", "rmsprop")));
        assertEquals("unknown optimizer \"rmsprop\"; known: sgd, momentum, nesterov, adagrad, adadelta, adam",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OptimizerConfig.fromProperties(Map.of("lr", "0.1")));
        assertTrue(e.getMessage().startsWith("unknown optimizer config keys [lr]; known: [beta1,"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> OptimizerConfig.defaults(OptimizerConfig.Kind.ADAM).withLearningRate(0f));
        assertEquals("learningRate must be finite and > 0, got 0.0", e.getMessage());
    }
}
