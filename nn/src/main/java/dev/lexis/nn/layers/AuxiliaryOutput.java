package dev.lexis.nn.layers;

import dev.lexis.nn.Ops;
import dev.lexis.nn.Ops.Activation;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Var;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An auxiliary output: an extra loss head on an inner layer, as GoogLeNet (Szegedy et al. 2015) adds against
 * vanishing gradients. Its loss, weighted, is added to the main loss, so the inner layer gets a gradient
 * through a short path as well.
 *
 * <pre>{@code
 * List<Var> outs = mlp.forwardAll(x);
 * Var loss = Losses.softmaxCrossEntropy(outs.get(outs.size() - 1), labels);
 * Var auxLoss = Losses.softmaxCrossEntropy(aux.logits(outs), labels);
 * Var total = Ops.add(loss, aux.weighted(auxLoss));
 * }</pre>
 */
public final class AuxiliaryOutput {
    private final int afterLayer;
    private final Dense head;
    private final float weight;

    /** A head reading the output of layer {@code afterLayer} (an index into {@link Mlp#forwardAll}'s list). */
    public AuxiliaryOutput(int afterLayer, Dense head, float weight) {
        if (afterLayer < 0) {
            throw new IllegalArgumentException("afterLayer must be >= 0, got " + afterLayer);
        }
        if (!(weight > 0f) || !Float.isFinite(weight)) {
            throw new IllegalArgumentException("auxiliary loss weight must be > 0, got " + weight);
        }
        this.afterLayer = afterLayer;
        this.head = head;
        this.weight = weight;
    }

    /** A new linear head (inputs → outputs logits) named {@code name}. */
    public static AuxiliaryOutput create(String name, int afterLayer, int inputs, int outputs, float weight,
                                         SplittableRandom random) {
        return new AuxiliaryOutput(afterLayer, Dense.create(name, inputs, outputs, Activation.IDENTITY, random), weight);
    }

    /** The head's output on layer {@link #afterLayer()} of {@code layerOutputs}. */
    public Var logits(List<Var> layerOutputs) {
        if (afterLayer >= layerOutputs.size()) {
            throw new IllegalArgumentException("auxiliary head after layer " + afterLayer + ", but only "
                    + layerOutputs.size() + " layer outputs");
        }
        return head.forward(layerOutputs.get(afterLayer));
    }

    /** weight · loss, to add to the main loss. */
    public Var weighted(Var loss) {
        return Ops.scale(loss, weight);
    }

    public int afterLayer() {
        return afterLayer;
    }

    public float weight() {
        return weight;
    }

    public Dense head() {
        return head;
    }

    public List<Parameter> parameters() {
        return head.parameters();
    }
}
