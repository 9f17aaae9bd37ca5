package dev.lexis.nn.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.GradientCheck;
import dev.lexis.nn.Losses;
import dev.lexis.nn.Ops;
import dev.lexis.nn.Ops.Activation;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Gradient checks and parameter names of every layer. */
class LayersTest {
    private final SplittableRandom random = new SplittableRandom(3);

    private Parameter input(int... shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.size(); i++) {
            double v = 0.2 + 0.8 * random.nextDouble();
            t.set(i, (float) (random.nextBoolean() ? v : -v));
        }
        return Parameter.dense("input", t);
    }

    private static List<Parameter> with(Parameter x, List<Parameter> ps) {
        List<Parameter> all = new ArrayList<>(ps);
        all.add(x);
        return all;
    }

    private static Var loss(Var out) {
        // Σ out² / 2 with a fixed tilt, so every value matters differently
        Tensor tilt = Tensor.zeros(out.shape());
        for (int i = 0; i < tilt.size(); i++) {
            tilt.set(i, 0.1f * (i % 7) - 0.3f);
        }
        return Losses.squaredError(out, tilt);
    }

    @Test
    void denseLayers() {
        for (Activation a : Activation.values()) {
            Dense d = Dense.create("dense0", 4, 3, a, random);
            Parameter x = input(2, 4);
            GradientCheck.assertMatches(with(x, d.parameters()), t -> loss(d.forward(t.param(x))));
        }
        Dense d = Dense.create("dense7", 4, 3, Activation.TANH, random);
        assertEquals(List.of("dense7.weight", "dense7.bias"), d.parameters().stream().map(Parameter::name).toList());
        Dense noBias = new Dense("d", Tensor.zeros(2, 2), null, Activation.IDENTITY);
        assertEquals(1, noBias.parameters().size());
    }

    @Test
    void embeddingLayer() {
        Embedding e = Embedding.create("words", 9, 3, random);
        assertEquals("words.weight", e.table().name());
        assertTrue(e.table().isSparseRows());
        GradientCheck.assertMatches(e.parameters(), t -> loss(e.forward(t, new int[] {1, 8, 1, 0, -1, 2}, 2, 3)));
        GradientCheck.assertMatches(e.parameters(), t -> loss(e.forward(t, new int[] {4, 4})));
    }

    @Test
    void conv1dLayerOnABatch() {
        Conv1d c = Conv1d.create("conv3", 2, 3, 3, 1, 1, 1, Activation.TANH, random);
        Parameter x = input(2, 5, 2);
        GradientCheck.assertMatches(with(x, c.parameters()), t -> loss(Ops.maxPoolTime(c.forward(t.param(x)))));
        assertEquals(List.of("conv3.weight", "conv3.bias"), c.parameters().stream().map(Parameter::name).toList());
        Tape tape = new Tape();
        assertEquals(List.of(2, 5, 3), box(c.forward(tape.param(x)).shape()));
    }

    private static List<Integer> box(int[] a) {
        List<Integer> l = new ArrayList<>();
        for (int v : a) {
            l.add(v);
        }
        return l;
    }

    @Test
    void textCnnShapedGraphWithBranches() {
        // several filter widths over one embedded sentence, pooled and concatenated: branches need no special code
        Embedding e = Embedding.create("emb", 10, 4, random);
        Conv1d c2 = Conv1d.create("conv2", 4, 3, 2, 1, 0, 0, Activation.RELU, random);
        Conv1d c3 = Conv1d.create("conv3", 4, 3, 3, 1, 0, 0, Activation.RELU, random);
        Dense out = Dense.create("out", 6, 2, Activation.IDENTITY, random);
        List<Parameter> ps = new ArrayList<>(e.parameters());
        ps.addAll(c2.parameters());
        ps.addAll(c3.parameters());
        ps.addAll(out.parameters());
        int[] ids = {1, 5, 2, 9, 3, 3, 7, 0, 4, 6};
        GradientCheck.assertMatches(ps, t -> {
            Var x = e.forward(t, ids, 2, 5);
            Var h = Ops.concat(Ops.maxPoolTime(c2.forward(x)), Ops.meanPoolTime(c3.forward(x)));
            return Losses.softmaxCrossEntropy(out.forward(new Dropout(0.3f).forward(h)), new int[] {1, 0});
        });
    }

    @Test
    void residualBlockMlpAndAuxiliaryOutput() {
        Mlp mlp = Mlp.builder(3, 4, 4, 2).activation(Activation.SIGMOID).residual(true).dropout(0.2f).seed(5).build();
        assertEquals(List.of("dense0.weight", "dense0.bias", "dense1.weight", "dense1.bias", "dense2.weight", "dense2.bias"),
                mlp.parameters().stream().map(Parameter::name).toList());
        assertTrue(mlp.layers().stream().anyMatch(l -> l instanceof ResidualBlock));
        AuxiliaryOutput aux = AuxiliaryOutput.create("aux0", 0, 4, 2, 0.5f, random);
        Parameter x = input(2, 3);
        List<Parameter> ps = with(x, mlp.parameters());
        ps.addAll(aux.parameters());
        GradientCheck.assertMatches(ps, t -> {
            List<Var> outs = mlp.forwardAll(t.param(x));
            assertEquals(3, outs.size());
            Var main = Losses.softmaxCrossEntropy(outs.get(2), new int[] {0, 1});
            return Ops.add(main, aux.weighted(Losses.softmaxCrossEntropy(aux.logits(outs), new int[] {0, 1})));
        });
        ResidualBlock block = new ResidualBlock(Dense.create("r", 3, 3, Activation.TANH, random), Activation.RELU);
        Parameter y = input(2, 3);
        GradientCheck.assertMatches(with(y, block.parameters()), t -> loss(block.forward(t.param(y))));
    }

    @Test
    void configurationErrorsNameTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder(3));
        assertTrue(e.getMessage().contains("at least an input and an output"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Mlp.builder(3, 0, 2));
        assertTrue(e.getMessage().contains("size 1 must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1f));
        assertTrue(e.getMessage().contains("[0, 1), got 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("softsign"));
        assertTrue(e.getMessage().contains("unknown activation \"softsign\""), e.getMessage());
    }
}
