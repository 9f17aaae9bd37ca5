package dev.lexis.nn.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.GradientCheck;
import dev.lexis.nn.Ops;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Gradient checks, a naive reference, masking and truncation of the fused recurrent layers. */
class RecurrentLayerTest {
    private static final int IN = 3;
    private static final int HIDDEN = 4;
    private static final int BATCH = 3;
    private static final int STEPS = 4;
    private static final int[] LENGTHS = {4, 2, 1};

    private static Parameter input(SplittableRandom random, int rows, int cols, int[] lengths, int batch) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            int time = r / batch;
            int s = r % batch;
            if (time >= lengths[s]) {
                continue;       // padding stays zero, as an embedding lookup of id −1 leaves it
            }
            for (int c = 0; c < cols; c++) {
                t.set(r, c, (float) (random.nextDouble() * 2 - 1));
            }
        }
        return Parameter.dense("x", t);
    }

    private static Tensor tilt(SplittableRandom random, int rows, int cols) {
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, (float) (random.nextDouble() * 2 - 1));
        }
        return t;
    }

    private static Var weightedSum(Var out, Tensor tilt) {
        return Ops.sum(Ops.mul(out, out.tape().constant(tilt)));
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void forwardAndReverseGradientsMatchFiniteDifferences(CellKind kind) {
        for (boolean reverse : new boolean[] {false, true}) {
            SplittableRandom random = new SplittableRandom(11);
            RecurrentLayer layer = RecurrentLayer.create("rnn", kind, IN, HIDDEN, random);
            Parameter x = input(random, STEPS * BATCH, IN, LENGTHS, BATCH);
            Tensor tilt = tilt(random, STEPS * BATCH, HIDDEN);
            List<Parameter> all = new ArrayList<>(layer.parameters());
            all.add(x);
            GradientCheck.assertMatches(all, tape -> weightedSum(
                    layer.forward(tape.param(x), BATCH, LENGTHS, reverse, 0), tilt), 1e-2, 2e-2);
        }
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void stackedBidirectionalWithDropoutMatchesFiniteDifferences(CellKind kind) {
        SplittableRandom random = new SplittableRandom(5);
        RecurrentConfig config = new RecurrentConfig(kind, IN, 3, 2, true, 0.3f, 0);
        RecurrentStack stack = RecurrentStack.create("enc", config, random);
        Parameter x = input(random, STEPS * BATCH, IN, LENGTHS, BATCH);
        Tensor tilt = tilt(random, STEPS * BATCH, config.outputSize());
        List<Parameter> all = new ArrayList<>(stack.parameters());
        all.add(x);
        GradientCheck.assertMatches(all, tape -> weightedSum(stack.forward(tape.param(x), BATCH, LENGTHS), tilt),
                1e-2, 2e-2);
    }

    @ParameterizedTest
    @EnumSource(CellKind.class)
    void matchesANaiveOneSequenceAtATimeReference(CellKind kind) {
        SplittableRandom random = new SplittableRandom(17);
        RecurrentLayer layer = RecurrentLayer.create("rnn", kind, IN, HIDDEN, random);
        Parameter x = input(random, STEPS * BATCH, IN, LENGTHS, BATCH);
        for (boolean reverse : new boolean[] {false, true}) {
            Tape tape = new Tape();
            Tensor out = layer.forward(tape.param(x), BATCH, LENGTHS, reverse, 0).value();
            for (int s = 0; s < BATCH; s++) {
                double[][] expected = naive(layer, x.value(), s, LENGTHS[s], reverse);
                for (int t = 0; t < STEPS; t++) {
                    for (int j = 0; j < HIDDEN; j++) {
                        double want = t < LENGTHS[s] ? expected[t][j] : 0.0;
                        assertEquals(want, out.get(t * BATCH + s, j), 1e-5,
                                kind + " reverse=" + reverse + " sequence " + s + " t=" + t + " j=" + j);
                    }
                }
            }
        }
    }

    /** The cell equations written out plainly in double, one sequence at a time. */
    private static double[][] naive(RecurrentLayer layer, Tensor x, int s, int length, boolean reverse) {
        int h = layer.hiddenSize();
        int in = layer.inputSize();
        int g = layer.kind().gates();
        Tensor w = layer.weight().value();
        Tensor b = layer.bias().value();
        double[] hPrev = new double[h];
        double[] cPrev = new double[h];
        double[][] out = new double[length][h];
        for (int k = 0; k < length; k++) {
            int t = reverse ? length - 1 - k : k;
            double[] xPart = new double[g * h];
            double[] hPart = new double[g * h];
            for (int col = 0; col < g * h; col++) {
                double sx = b.get(col);
                for (int i = 0; i < in; i++) {
                    sx += x.get(t * BATCH + s, i) * w.get(i, col);
                }
                double sh = 0;
                for (int i = 0; i < h; i++) {
                    sh += hPrev[i] * w.get(in + i, col);
                }
                xPart[col] = sx;
                hPart[col] = sh;
            }
            double[] hNew = new double[h];
            for (int j = 0; j < h; j++) {
                switch (layer.kind()) {
                    case RNN -> hNew[j] = Math.tanh(xPart[j] + hPart[j]);
                    case LSTM -> {
                        double i = sig(xPart[j] + hPart[j]);
                        double f = sig(xPart[h + j] + hPart[h + j]);
                        double gg = Math.tanh(xPart[2 * h + j] + hPart[2 * h + j]);
                        double o = sig(xPart[3 * h + j] + hPart[3 * h + j]);
                        cPrev[j] = f * cPrev[j] + i * gg;
                        hNew[j] = o * Math.tanh(cPrev[j]);
                    }
                    case GRU -> {
                        double hb = layer.parameters().get(2).value().get(j);
                        double r = sig(xPart[j] + hPart[j]);
                        double z = sig(xPart[h + j] + hPart[h + j]);
                        double n = Math.tanh(xPart[2 * h + j] + r * (hPart[2 * h + j] + hb));
                        hNew[j] = z * hPrev[j] + (1 - z) * n;
                    }
                }
            }
            hPrev = hNew;
            out[t] = hNew;
        }
        return out;
    }

    private static double sig(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    @Test
    void aSequenceGivesTheSameStatesAloneAsInAPaddedBatch() {
        SplittableRandom random = new SplittableRandom(23);
        RecurrentConfig config = new RecurrentConfig(CellKind.LSTM, IN, HIDDEN, 2, true, 0f, 0);
        RecurrentStack stack = RecurrentStack.create("enc", config, random);
        Parameter x = input(random, STEPS * BATCH, IN, LENGTHS, BATCH);
        Tensor batched = stack.forward(new Tape().param(x), BATCH, LENGTHS).value();
        int s = 1;
        int length = LENGTHS[s];
        Tensor alone = Tensor.zeros(length, IN);
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < IN; i++) {
                alone.set(t, i, x.value().get(t * BATCH + s, i));
            }
        }
        Tensor single = stack.forward(new Tape().constant(alone), 1, new int[] {length}).value();
        for (int t = 0; t < length; t++) {
            for (int j = 0; j < config.outputSize(); j++) {
                assertEquals(single.get(t, j), batched.get(t * BATCH + s, j), 1e-6, "t=" + t + " j=" + j);
            }
        }
    }

    @Test
    void truncatedBackpropagationStopsTheGradientAtChunkBoundaries() {
        SplittableRandom random = new SplittableRandom(29);
        RecurrentLayer layer = RecurrentLayer.create("rnn", CellKind.LSTM, IN, HIDDEN, random);
        int[] lengths = {4};
        Parameter x = input(random, 4, IN, lengths, 1);
        Tensor lastOnly = Tensor.zeros(4, HIDDEN);
        for (int j = 0; j < HIDDEN; j++) {
            lastOnly.set(3, j, 1f);
        }
        for (int limit : new int[] {0, 2, 4}) {
            x.zeroGrad();
            Tape tape = new Tape();
            tape.backward(weightedSum(layer.forward(tape.param(x), 1, lengths, false, limit), lastOnly));
            float[] g = x.grad().toArray();
            double early = 0;
            for (int i = 0; i < 2 * IN; i++) {
                early += Math.abs(g[i]);
            }
            double late = 0;
            for (int i = 2 * IN; i < 4 * IN; i++) {
                late += Math.abs(g[i]);
            }
            assertTrue(late > 0, "limit " + limit);
            if (limit == 2) {
                assertEquals(0.0, early, 0.0, "steps 0-1 get no gradient from step 3 with chunks of 2");
            } else {
                assertTrue(early > 0, "limit " + limit + " keeps the gradient of steps 0-1");
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        RecurrentLayer layer = RecurrentLayer.create("rnn", CellKind.GRU, IN, HIDDEN, new SplittableRandom(1));
        Tape tape = new Tape();
        Var x = tape.constant(Tensor.zeros(6, IN));
        var e = assertThrows(IllegalArgumentException.class, () -> layer.forward(x, 2, new int[] {1, 3}, false, 0));
        assertEquals("lengths must be non-increasing (longest first), got 1 then 3 at sequence 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> layer.forward(x, 2, new int[] {4, 3}, false, 0));
        assertEquals("length 4 of sequence 0 is outside [0, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> layer.forward(x, 4, new int[] {1, 1, 1, 1}, false, 0));
        assertEquals("rnn.weight: 6 input rows are not a multiple of batch 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CellKind.parse("lstn"));
        assertEquals("unknown cell \"lstn\"; valid cells: [rnn, gru, lstm]", e.getMessage());
    }

    @Test
    void configRoundTripsThroughProperties() {
        RecurrentConfig c = new RecurrentConfig(CellKind.GRU, 50, 64, 2, false, 0.25f, 35);
        assertEquals(c, RecurrentConfig.fromProperties(c.toProperties()));
        var e = assertThrows(IllegalArgumentException.class,
                () -> RecurrentConfig.fromProperties(Map.of("cell", "gru", "size", "3")));
        assertTrue(e.getMessage().startsWith("unknown recurrent config key \"size\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.withLayers(0));
        assertEquals("layers must be >= 1, got 0", e.getMessage());
    }

    @Test
    void stackRebuildsFromItsParametersByName() {
        RecurrentConfig config = new RecurrentConfig(CellKind.GRU, IN, HIDDEN, 2, true, 0f, 0);
        RecurrentStack a = RecurrentStack.create("enc", config, new SplittableRandom(3));
        Map<String, Parameter> byName = new java.util.HashMap<>();
        for (Parameter p : a.parameters()) {
            byName.put(p.name(), p);
        }
        RecurrentStack b = RecurrentStack.of("enc", config, RecurrentStack.lookup(byName));
        Tensor x = tilt(new SplittableRandom(4), 2 * 2, IN);
        int[] lengths = {2, 2};
        assertArrayEquals(a.forward(new Tape().constant(x), 2, lengths).value().toArray(),
                b.forward(new Tape().constant(x), 2, lengths).value().toArray());
    }
}
