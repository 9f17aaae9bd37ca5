package dev.lexis.nn.init;

import dev.lexis.nn.Tensor;
import java.util.Arrays;

/**
 * The fan-in and fan-out of a weight tensor: how many inputs feed one output unit and how many outputs one
 * input feeds. They set the scale of the Xavier and He initializers.
 *
 * @param fanIn  inputs per output unit, &gt; 0
 * @param fanOut outputs per input unit, &gt; 0
 */
public record Fans(int fanIn, int fanOut) {
    public Fans {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("fanIn must be > 0, got " + fanIn);
        }
        if (fanOut <= 0) {
            throw new IllegalArgumentException("fanOut must be > 0, got " + fanOut);
        }
    }

    /**
     * The fans of a weight laid out as (inputs, outputs, [kernel…]) — the layout in which a Dense layer
     * computes {@code y = x · W} with {@code x} of shape (batch, inputs). The trailing dimensions, if any,
     * form the receptive field, which multiplies both fans. A rank-1 tensor of size n has fans (n, n).
     *
     * @throws IllegalArgumentException for a scalar or a tensor with a zero dimension
     */
    public static Fans ofInputsOutputs(Tensor weight) {
        int[] shape = weight.shape();
        if (shape.length == 0 || weight.size() == 0) {
            throw new IllegalArgumentException("cannot compute fans of shape " + Arrays.toString(shape));
        }
        if (shape.length == 1) {
            return new Fans(shape[0], shape[0]);
        }
        int receptive = weight.size() / (shape[0] * shape[1]);
        return new Fans(shape[0] * receptive, shape[1] * receptive);
    }

    /**
     * The fans of a weight laid out as (outputs, inputs, [kernel…]) — PyTorch's Linear and Conv1d layout,
     * e.g. Conv1d filters (numFilters, inChannels, width): fanIn = inChannels · width.
     *
     * @throws IllegalArgumentException for a scalar or a tensor with a zero dimension
     */
    public static Fans ofOutputsInputs(Tensor weight) {
        Fans swapped = ofInputsOutputs(weight);
        return new Fans(swapped.fanOut, swapped.fanIn);
    }
}
