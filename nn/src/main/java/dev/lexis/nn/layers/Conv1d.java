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
 * A 1-D convolution over time with a bias and an activation (see
 * {@link Ops#conv1d(Var, Var, Var, int, int, int, int)}): (time, in) or (batch, time, in) →
 * (outTime, out) or (batch, outTime, out), outTime = ⌊(time − width + padLeft + padRight + stride) / stride⌋.
 * Weight (width · in, out) named {@code name + ".weight"}, bias (out) {@code name + ".bias"}.
 */
public final class Conv1d implements Layer {
    private final Parameter weight;
    private final Parameter bias;
    private final int width;
    private final int stride;
    private final int padLeft;
    private final int padRight;
    private final Activation activation;

    /** A layer over already-initialized tensors: weight (width · in, out), bias (out). */
    public Conv1d(String name, Tensor weight, Tensor bias, int width, int stride, int padLeft, int padRight,
                  Activation activation) {
        if (width < 1 || stride < 1 || padLeft < 0 || padRight < 0) {
            throw new IllegalArgumentException(name + ": width " + width + ", stride " + stride + ", padding "
                    + padLeft + "+" + padRight + " (width, stride >= 1, padding >= 0)");
        }
        if (weight.rank() != 2 || weight.dim(0) % width != 0) {
            throw new IllegalArgumentException(name + ": weight must be (width * in, out) with width " + width);
        }
        if (bias.size() != weight.dim(1)) {
            throw new IllegalArgumentException(name + ": bias of size " + bias.size() + " for " + weight.dim(1)
                    + " output channels");
        }
        this.weight = Parameter.dense(name + ".weight", weight);
        this.bias = Parameter.dense(name + ".bias", bias);
        this.width = width;
        this.stride = stride;
        this.padLeft = padLeft;
        this.padRight = padRight;
        this.activation = activation;
    }

    /** A new layer with a zero bias and He (ReLU) or Xavier uniform weights, fan-in width · in. */
    public static Conv1d create(String name, int in, int out, int width, int stride, int padLeft, int padRight,
                                Activation activation, SplittableRandom random) {
        if (in < 1 || out < 1 || width < 1) {
            throw new IllegalArgumentException(name + ": in, out and width must be >= 1, got " + in + ", " + out
                    + ", " + width);
        }
        Tensor w = Tensor.zeros(width * in, out);
        Fans fans = Fans.ofInputsOutputs(w);
        (activation == Activation.RELU ? Initializer.heUniform(fans) : Initializer.xavierUniform(fans)).fill(w, random);
        return new Conv1d(name, w, Tensor.zeros(out), width, stride, padLeft, padRight, activation);
    }

    @Override
    public Var forward(Var x) {
        var tape = x.tape();
        return activation.apply(Ops.conv1d(x, tape.param(weight), tape.param(bias), width, stride, padLeft, padRight));
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }

    public int width() {
        return width;
    }

    public int inputChannels() {
        return weight.value().dim(0) / width;
    }

    public int outputChannels() {
        return weight.value().dim(1);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }
}
