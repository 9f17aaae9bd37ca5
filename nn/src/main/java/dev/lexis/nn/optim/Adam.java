package dev.lexis.nn.optim;

import dev.lexis.nn.Parameter;
import java.util.Collection;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba 2015): per value, m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; with the bias corrections
 * m̂ = m / (1−β₁ᵗ), v̂ = v / (1−β₂ᵗ), w ← w − η·m̂ / (√v̂ + ε), t the 1-based step.
 *
 * <p>For sparse-row parameters only the touched rows' moments and values change, with the global t in the
 * bias correction — the semantics of PyTorch's {@code SparseAdam}.
 */
public final class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float[][] m;
    private final float[][] v;
    private float stepSize;
    private float correction2Sqrt;

    /**
     * @param beta1   β₁ in [0, 1) (0.9)
     * @param beta2   β₂ in [0, 1) (0.999)
     * @param epsilon ε &gt; 0 (1e-8)
     * @throws IllegalArgumentException naming the field for a bad value
     */
    public Adam(Collection<Parameter> parameters, LearningRateSchedule schedule, float beta1, float beta2,
                float epsilon) {
        super("adam", parameters, schedule);
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = newState(0f);
        this.v = newState(0f);
    }

    @Override
    protected void beginStep(long step) {
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        stepSize = (float) (1 / correction1);
        correction2Sqrt = (float) Math.sqrt(correction2);
    }

    @Override
    protected void update(int k, float[] w, int wOffset, float[] g, int gOffset, int stateOffset, int n,
                          float rate, float decay) {
        float[] mk = m[k];
        float[] vk = v[k];
        float b1 = beta1;
        float b2 = beta2;
        float c1 = 1 - beta1;
        float c2 = 1 - beta2;
        float eps = epsilon;
        // as PyTorch: w -= (η / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)
        float step = rate * stepSize;
        float inverseSqrtCorrection2 = 1f / correction2Sqrt;
        for (int i = 0; i < n; i++) {
            int s = stateOffset + i;
            float grad = g[gOffset + i] + decay * w[wOffset + i];
            float mi = b1 * mk[s] + c1 * grad;
            float vi = b2 * vk[s] + c2 * grad * grad;
            mk[s] = mi;
            vk[s] = vi;
            w[wOffset + i] -= step * mi / ((float) Math.sqrt(vi) * inverseSqrtCorrection2 + eps);
        }
    }

    @Override
    protected List<String> stateNames() {
        return List.of("m", "v");
    }

    @Override
    protected List<float[][]> stateArrays() {
        return List.of(m, v);
    }
}
