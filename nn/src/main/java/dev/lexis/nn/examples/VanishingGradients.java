package dev.lexis.nn.examples;

import dev.lexis.nn.Losses;
import dev.lexis.nn.Ops;
import dev.lexis.nn.Ops.Activation;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.layers.AuxiliaryOutput;
import dev.lexis.nn.layers.Dense;
import dev.lexis.nn.layers.Mlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The vanishing-gradient lesson in numbers: one backward pass through a 20-layer MLP on a random batch, and
 * the norm of each layer's weight gradient. With sigmoid units the error shrinks by at least
 * σ'(x) ≤ ¼ per layer on its way down, so the first layers learn orders of magnitude more slowly than the
 * last; ReLU (He init), residual connections (He et al. 2016) and auxiliary outputs (Szegedy et al. 2015)
 * each keep the first layers' gradients within an order of magnitude or so.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp nn/target/classes dev.lexis.nn.examples.VanishingGradients}
 */
public final class VanishingGradients {
    /** Layers in the deep network. */
    public static final int DEPTH = 20;
    private static final int WIDTH = 32;
    private static final int INPUTS = 16;
    private static final int CLASSES = 4;
    private static final int BATCH = 64;

    /** The four networks compared. */
    public enum Variant {
        SIGMOID, RELU, SIGMOID_RESIDUAL, SIGMOID_AUXILIARY
    }

    private VanishingGradients() {
    }

    /**
     * ‖∂loss/∂W_i‖ (Frobenius norm) for each of the {@link #DEPTH} dense layers, first layer first, after one
     * backward pass of softmax cross-entropy on a random batch.
     */
    public static double[] layerGradientNorms(Variant variant, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] sizes = new int[DEPTH + 1];
        sizes[0] = INPUTS;
        for (int i = 1; i < DEPTH; i++) {
            sizes[i] = WIDTH;
        }
        sizes[DEPTH] = CLASSES;
        Mlp mlp = Mlp.builder(sizes)
                .activation(variant == Variant.RELU ? Activation.RELU : Activation.SIGMOID)
                .residual(variant == Variant.SIGMOID_RESIDUAL)
                .seed(seed)
                .build();
        List<AuxiliaryOutput> heads = new ArrayList<>();
        if (variant == Variant.SIGMOID_AUXILIARY) {
            // heads after layers 3, 8 and 13 (0-based), as GoogLeNet puts two on its 22 layers
            for (int at : new int[] {3, 8, 13}) {
                heads.add(AuxiliaryOutput.create("aux" + at, at, WIDTH, CLASSES, 0.3f, random));
            }
        }
        Tensor x = Tensor.zeros(BATCH, INPUTS);
        for (int i = 0; i < x.size(); i++) {
            x.set(i, (float) random.nextGaussian());
        }
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        Tape tape = new Tape();
        List<Var> outs = mlp.forwardAll(tape.constant(x));
        Var loss = Losses.softmaxCrossEntropy(outs.get(outs.size() - 1), labels);
        for (AuxiliaryOutput head : heads) {
            loss = Ops.add(loss, head.weighted(Losses.softmaxCrossEntropy(head.logits(outs), labels)));
        }
        tape.backward(loss);
        double[] norms = new double[DEPTH];
        List<Dense> layers = mlp.denseLayers();
        for (int i = 0; i < DEPTH; i++) {
            Parameter w = layers.get(i).weight();
            double s = 0;
            for (int j = 0; j < w.grad().size(); j++) {
                double g = w.grad().get(j);
                s += g * g;
            }
            norms[i] = Math.sqrt(s);
        }
        return norms;
    }

    /**
     * Mean gradient norm of the first five layers divided by that of the last five hidden layers (layers
     * DEPTH − 6 … DEPTH − 2; the output layer is left out): about 1 when gradients reach the bottom, tiny when
     * they vanish.
     */
    public static double firstToLastRatio(double[] norms) {
        double first = 0;
        double last = 0;
        for (int i = 0; i < 5; i++) {
            first += norms[i];
            last += norms[norms.length - 6 + i];
        }
        return first / last;
    }

    /** Prints the per-layer gradient norms of the four variants (one column each). */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        Variant[] variants = Variant.values();
        double[][] norms = new double[variants.length][];
        for (int v = 0; v < variants.length; v++) {
            norms[v] = layerGradientNorms(variants[v], seed);
        }
        System.out.printf(Locale.ROOT, "per-layer weight-gradient norms, %d-layer MLP (width %d), one batch of %d, seed %d%n",
                DEPTH, WIDTH, BATCH, seed);
        System.out.printf(Locale.ROOT, "%-6s", "layer");
        for (Variant v : variants) {
            System.out.printf(Locale.ROOT, " %18s", v.name().toLowerCase(Locale.ROOT));
        }
        System.out.println();
        for (int i = 0; i < DEPTH; i++) {
            System.out.printf(Locale.ROOT, "%-6d", i);
            for (int v = 0; v < variants.length; v++) {
                System.out.printf(Locale.ROOT, " %18.3e", norms[v][i]);
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "%-6s", "ratio");
        for (int v = 0; v < variants.length; v++) {
            System.out.printf(Locale.ROOT, " %18.3e", firstToLastRatio(norms[v]));
        }
        System.out.println();
        System.out.println("ratio = mean norm of layers 0-4 / mean norm of layers " + (DEPTH - 6) + "-" + (DEPTH - 2));
        System.out.println();
    }
}
