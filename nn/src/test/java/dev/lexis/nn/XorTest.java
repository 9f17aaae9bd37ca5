package dev.lexis.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lexis.nn.Ops.Activation;
import dev.lexis.nn.layers.Dense;
import dev.lexis.nn.layers.Layer;
import dev.lexis.nn.layers.Mlp;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** XOR: not linearly separable, so one layer cannot learn it and two layers can (plain gradient descent). */
class XorTest {
    private static final Tensor INPUTS = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
    private static final Tensor TARGETS = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);

    /** Batch gradient descent on ½Σ(t − o)², the update written out: w ← w − η ∂E/∂w. */
    private static void train(Layer net, int epochs, float learningRate) {
        Tape tape = new Tape();
        List<Parameter> params = net.parameters();
        for (int epoch = 0; epoch < epochs; epoch++) {
            tape.reset();
            Var loss = Losses.squaredError(net.forward(tape.constant(INPUTS)), TARGETS);
            tape.backward(loss);
            for (Parameter p : params) {
                float[] v = p.value().data();
                float[] g = p.grad().data();
                for (int i = 0; i < v.length; i++) {
                    v[i] -= learningRate * g[i];
                }
                p.zeroGrad();
            }
        }
    }

    private static double accuracy(Layer net) {
        Tape tape = new Tape().setTraining(false);
        Var out = net.forward(tape.constant(INPUTS));
        int correct = 0;
        for (int i = 0; i < 4; i++) {
            correct += (out.value().get(i) > 0.5f) == (TARGETS.get(i) > 0.5f) ? 1 : 0;
        }
        return correct / 4.0;
    }

    @Test
    void aSingleLayerCannotLearnXor() {
        for (long seed = 1; seed <= 3; seed++) {
            Dense perceptron = Dense.create("single", 2, 1, Activation.SIGMOID, new SplittableRandom(seed));
            train(perceptron, 5000, 2f);
            assertTrue(accuracy(perceptron) <= 0.75, "a linear separator gets at most 3 of the 4 XOR cases");
        }
    }

    @Test
    void aTwoLayerSigmoidMlpLearnsXor() {
        Mlp mlp = Mlp.builder(2, 4, 1).activation(Activation.SIGMOID).outputActivation(Activation.SIGMOID)
                .seed(7).build();
        train(mlp, 5000, 2f);
        assertEquals(1.0, accuracy(mlp), "all four XOR cases");
        Tape tape = new Tape();
        float loss = Losses.squaredError(mlp.forward(tape.constant(INPUTS)), TARGETS).item();
        assertTrue(loss < 0.02, "mean squared error per example: " + loss);
    }
}
