package dev.lexis.nn.optim;

import dev.lexis.nn.Parameter;
import java.util.Collection;
import java.util.List;

/**
 * AdaGrad (Duchi, Hazan &amp; Singer 2011): per value, G ← G + g² and w ← w − η·g / (√G + ε), so often-updated
 * values take ever smaller steps.
 */
public final class AdaGrad extends Optimizer {
    private final float epsilon;
    private final float[][] sumOfSquares;

    /**
     * @param epsilon            ε &gt; 0 added to √G (PyTorch: 1e-10)
     * @param initialAccumulator G's starting value, &gt;= 0 (PyTorch: 0; TensorFlow: 0.1)
     * @throws IllegalArgumentException naming the field for a bad value
     */
    public AdaGrad(Collection<Parameter> parameters, LearningRateSchedule schedule, float epsilon,
                   float initialAccumulator) {
        super("adagrad", parameters, schedule);
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        if (!(initialAccumulator >= 0)) {
            throw new IllegalArgumentException("initialAccumulator must be >= 0, got " + initialAccumulator);
        }
        this.epsilon = epsilon;
        this.sumOfSquares = newState(initialAccumulator);
    }

    @Override
    protected void update(int k, float[] w, int wOffset, float[] g, int gOffset, int stateOffset, int n,
                          float rate, float decay) {
        float[] acc = sumOfSquares[k];
        float eps = epsilon;
        for (int i = 0; i < n; i++) {
            float grad = g[gOffset + i] + decay * w[wOffset + i];
            float sum = acc[stateOffset + i] + grad * grad;
            acc[stateOffset + i] = sum;
            w[wOffset + i] -= rate * grad / ((float) Math.sqrt(sum) + eps);
        }
    }

    @Override
    protected List<String> stateNames() {
        return List.of("sum");
    }

    @Override
    protected List<float[][]> stateArrays() {
        return List.<float[][]>of(sumOfSquares);
    }
}
