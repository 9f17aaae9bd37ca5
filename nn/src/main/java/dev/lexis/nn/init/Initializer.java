package dev.lexis.nn.init;

import dev.lexis.nn.Tensor;
import java.util.SplittableRandom;

/**
 * Fills a tensor with initial values drawn from a caller-supplied random generator (so a seed fixes them).
 *
 * <p>The Xavier and He initializers take explicit {@link Fans}; the fans depend on how a layer lays out its
 * weight, which only the layer knows ({@link Fans#ofInputsOutputs(Tensor)} for (inputs, outputs) weights).
 * Values are drawn in row-major order, one draw per value.
 */
@FunctionalInterface
public interface Initializer {
    /** Overwrites every value of {@code tensor}. */
    void fill(Tensor tensor, SplittableRandom random);

    /** All zeros (biases). */
    static Initializer zeros() {
        return constant(0f);
    }

    /** Every value {@code value}. */
    static Initializer constant(float value) {
        return (tensor, random) -> tensor.fill(value);
    }

    /**
     * Uniform on [low, high).
     *
     * @throws IllegalArgumentException unless low &lt; high (both finite)
     */
    static Initializer uniform(float low, float high) {
        if (!(low < high) || !Float.isFinite(low) || !Float.isFinite(high)) {
            throw new IllegalArgumentException("uniform needs finite low < high, got low " + low + ", high " + high);
        }
        return (tensor, random) -> {
            float[] d = tensor.data();
            int end = tensor.offset() + tensor.size();
            double width = (double) high - low;
            float below = Math.nextDown(high);
            for (int i = tensor.offset(); i < end; i++) {
                // rounding to float could reach high itself
                d[i] = Math.min(below, (float) (low + width * random.nextDouble()));
            }
        };
    }

    /** Uniform on [−bound, bound), e.g. Kim (2014)'s ±0.25 for random word vectors. */
    static Initializer uniform(float bound) {
        return uniform(-bound, bound);
    }

    /**
     * Normal with the given mean and standard deviation.
     *
     * @throws IllegalArgumentException unless std &gt; 0 and both are finite
     */
    static Initializer normal(float mean, float std) {
        if (!(std > 0) || !Float.isFinite(std) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException("normal needs a finite mean and std > 0, got mean " + mean + ", std " + std);
        }
        return (tensor, random) -> {
            float[] d = tensor.data();
            int end = tensor.offset() + tensor.size();
            for (int i = tensor.offset(); i < end; i++) {
                d[i] = (float) (mean + std * random.nextGaussian());
            }
        };
    }

    /** Xavier/Glorot uniform (Glorot &amp; Bengio 2010): U(−a, a) with a = √(6 / (fanIn + fanOut)). */
    static Initializer xavierUniform(Fans fans) {
        return uniform((float) Math.sqrt(6.0 / (fans.fanIn() + fans.fanOut())));
    }

    /** Xavier/Glorot normal (Glorot &amp; Bengio 2010): N(0, σ²) with σ = √(2 / (fanIn + fanOut)). */
    static Initializer xavierNormal(Fans fans) {
        return normal(0f, (float) Math.sqrt(2.0 / (fans.fanIn() + fans.fanOut())));
    }

    /** He/Kaiming uniform for ReLU layers (He et al. 2015): U(−a, a) with a = √(6 / fanIn). */
    static Initializer heUniform(Fans fans) {
        return uniform((float) Math.sqrt(6.0 / fans.fanIn()));
    }

    /** He/Kaiming normal for ReLU layers (He et al. 2015): N(0, σ²) with σ = √(2 / fanIn). */
    static Initializer heNormal(Fans fans) {
        return normal(0f, (float) Math.sqrt(2.0 / fans.fanIn()));
    }
}
