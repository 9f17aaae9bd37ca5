package dev.lexis.nn.layers;

import dev.lexis.nn.Ops.Activation;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A multi-layer perceptron: Dense layers of the given sizes, a hidden activation, an output activation,
 * optional dropout after each hidden layer and optional residual connections around hidden layers whose input
 * and output sizes are equal. Parameters are named {@code prefix + i + ".weight"} / {@code ".bias"}
 * (default prefix {@code "dense"}: dense0.weight, dense0.bias, dense1.weight, …).
 *
 * <pre>{@code
 * Mlp mlp = Mlp.builder(784, 100, 10).activation(Activation.RELU).seed(42).build();
 * Var logits = mlp.forward(tape.constant(batch));           // (batchSize, 10)
 * }</pre>
 */
public final class Mlp implements Layer {
    private final List<Dense> dense;
    private final Sequential layers;

    private Mlp(List<Dense> dense, List<Layer> layers) {
        this.dense = List.copyOf(dense);
        this.layers = new Sequential(layers);
    }

    /** A builder for layer sizes (input, hidden…, output); at least two sizes. */
    public static Builder builder(int... sizes) {
        return new Builder(sizes);
    }

    @Override
    public Var forward(Var x) {
        return layers.forward(x);
    }

    /**
     * The output of every layer in order (dense layers, with their residual connection and dropout folded in:
     * one entry per dense layer); the last is the network's output. For auxiliary heads on inner layers.
     */
    public List<Var> forwardAll(Var x) {
        List<Var> outs = new ArrayList<>(dense.size());
        Var v = x;
        for (Layer layer : layers.layers()) {
            v = layer.forward(v);
            if (!(layer instanceof Dropout)) {
                outs.add(v);
            } else {
                outs.set(outs.size() - 1, v);
            }
        }
        return outs;
    }

    /** The dense layers in order (inside residual blocks where the builder added them). */
    public List<Dense> denseLayers() {
        return dense;
    }

    /** The layers as applied (dense, residual blocks, dropout). */
    public List<Layer> layers() {
        return layers.layers();
    }

    @Override
    public List<Parameter> parameters() {
        return layers.parameters();
    }

    /** Builds an {@link Mlp}; every setting has a default. */
    public static final class Builder {
        private final int[] sizes;
        private Activation activation = Activation.TANH;
        private Activation outputActivation = Activation.IDENTITY;
        private float dropout;
        private boolean residual;
        private String prefix = "dense";
        private SplittableRandom random = new SplittableRandom(42);

        private Builder(int[] sizes) {
            if (sizes.length < 2) {
                throw new IllegalArgumentException("an MLP needs at least an input and an output size, got "
                        + sizes.length + " sizes");
            }
            for (int i = 0; i < sizes.length; i++) {
                if (sizes[i] < 1) {
                    throw new IllegalArgumentException("MLP size " + i + " must be >= 1, got " + sizes[i]);
                }
            }
            this.sizes = sizes.clone();
        }

        /** The activation of hidden layers (default TANH). */
        public Builder activation(Activation activation) {
            this.activation = activation;
            return this;
        }

        /** The activation of the output layer (default IDENTITY: logits). */
        public Builder outputActivation(Activation activation) {
            this.outputActivation = activation;
            return this;
        }

        /** Dropout after each hidden layer (default 0: none). */
        public Builder dropout(float rate) {
            if (!(rate >= 0f && rate < 1f)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + rate);
            }
            this.dropout = rate;
            return this;
        }

        /** Residual connections x + f(x) around hidden layers whose input and output sizes are equal. */
        public Builder residual(boolean residual) {
            this.residual = residual;
            return this;
        }

        /** The parameter name prefix (default "dense"). */
        public Builder namePrefix(String prefix) {
            if (prefix == null || prefix.isBlank()) {
                throw new IllegalArgumentException("namePrefix must not be blank");
            }
            this.prefix = prefix;
            return this;
        }

        /** The seed of the initial weights (default 42). */
        public Builder seed(long seed) {
            this.random = new SplittableRandom(seed);
            return this;
        }

        public Mlp build() {
            List<Dense> dense = new ArrayList<>();
            List<Layer> layers = new ArrayList<>();
            for (int i = 0; i + 1 < sizes.length; i++) {
                boolean last = i + 2 == sizes.length;
                Dense d = Dense.create(prefix + i, sizes[i], sizes[i + 1], last ? outputActivation : activation, random);
                dense.add(d);
                layers.add(!last && residual && sizes[i] == sizes[i + 1] ? new ResidualBlock(d, Activation.IDENTITY) : d);
                if (!last && dropout > 0f) {
                    layers.add(new Dropout(dropout));
                }
            }
            return new Mlp(dense, layers);
        }
    }
}
