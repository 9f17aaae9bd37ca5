package dev.lexis.nn.layers;

import dev.lexis.nn.Ops;
import dev.lexis.nn.Ops.Activation;
import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.Var;
import dev.lexis.nn.init.Fans;
import dev.lexis.nn.init.Initializer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected layer f(x · W + b): x (…, in) → (…, out), W (in, out) named {@code name + ".weight"},
 * b (out) named {@code name + ".bias"} (optional).
 */
public final class Dense implements Layer {
    private final String name;
    private final Parameter weight;
    private final Parameter bias;
    private final Activation activation;

    /**
     * A layer over already-initialized tensors (not copied).
     *
     * @param weight (in, out)
     * @param bias (out), or null for none
     */
    public Dense(String name, Tensor weight, Tensor bias, Activation activation) {
        if (weight.rank() != 2) {
            throw new IllegalArgumentException(name + ": weight must be (in, out), got rank " + weight.rank());
        }
        if (bias != null && bias.size() != weight.dim(1)) {
            throw new IllegalArgumentException(name + ": bias of size " + bias.size() + " for " + weight.dim(1)
                    + " outputs");
        }
        this.name = name;
        this.weight = Parameter.dense(name + ".weight", weight);
        this.bias = bias == null ? null : Parameter.dense(name + ".bias", bias);
        this.activation = activation;
    }

    /**
     * A new layer with a zero bias and weights drawn from {@code random}: He uniform for ReLU, Xavier/Glorot
     * uniform otherwise (Glorot &amp; Bengio 2010; He et al. 2015).
     */
    public static Dense create(String name, int in, int out, Activation activation, SplittableRandom random) {
        if (in < 1 || out < 1) {
            throw new IllegalArgumentException(name + ": in and out must be >= 1, got " + in + ", " + out);
        }
        Tensor w = Tensor.zeros(in, out);
        Fans fans = Fans.ofInputsOutputs(w);
        (activation == Activation.RELU ? Initializer.heUniform(fans) : Initializer.xavierUniform(fans)).fill(w, random);
        return new Dense(name, w, Tensor.zeros(out), activation);
    }

    @Override
    public Var forward(Var x) {
        var tape = x.tape();
        Var z = Ops.linear(x, tape.param(weight), bias == null ? null : tape.param(bias));
        return activation.apply(z);
    }

    public String name() {
        return name;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, if the layer has one. */
    public java.util.Optional<Parameter> bias() {
        return java.util.Optional.ofNullable(bias);
    }

    public Activation activation() {
        return activation;
    }

    public int inputSize() {
        return weight.value().dim(0);
    }

    public int outputSize() {
        return weight.value().dim(1);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }
}
