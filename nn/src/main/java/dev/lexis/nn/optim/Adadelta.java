package dev.lexis.nn.optim;

import dev.lexis.nn.Parameter;
import java.util.Collection;
import java.util.List;

/**
 * Adadelta (Zeiler 2012), the optimizer of Kim (2014)'s TextCNN (ρ = 0.95): per value,
 * E[g²] ← ρ·E[g²] + (1−ρ)·g²; Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g; E[Δ²] ← ρ·E[Δ²] + (1−ρ)·Δ²; w ← w − η·Δ,
 * with η = 1 in the paper.
 */
public final class Adadelta extends Optimizer {
    private final float rho;
    private final float epsilon;
    private final float[][] squareAverage;
    private final float[][] deltaAverage;

    /**
     * @param rho     ρ in (0, 1), the decay of both running averages
     * @param epsilon ε &gt; 0 (PyTorch: 1e-6)
     * @throws IllegalArgumentException naming the field for a bad value
     */
    public Adadelta(Collection<Parameter> parameters, LearningRateSchedule schedule, float rho, float epsilon) {
        super("adadelta", parameters, schedule);
        if (!(rho > 0 && rho < 1)) {
            throw new IllegalArgumentException("rho must be in (0, 1), got " + rho);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        }
        this.rho = rho;
        this.epsilon = epsilon;
        this.squareAverage = newState(0f);
        this.deltaAverage = newState(0f);
    }

    public float rho() {
        return rho;
    }

    public float epsilon() {
        return epsilon;
    }

    @Override
    protected void update(int k, float[] w, int wOffset, float[] g, int gOffset, int stateOffset, int n,
                          float rate, float decay) {
        float[] sq = squareAverage[k];
        float[] acc = deltaAverage[k];
        float r = rho;
        float oneMinusRho = 1f - rho;
        float eps = epsilon;
        for (int i = 0; i < n; i++) {
            int s = stateOffset + i;
            float grad = g[gOffset + i] + decay * w[wOffset + i];
            float square = r * sq[s] + oneMinusRho * grad * grad;
            sq[s] = square;
            float delta = (float) Math.sqrt(acc[s] + eps) / (float) Math.sqrt(square + eps) * grad;
            acc[s] = r * acc[s] + oneMinusRho * delta * delta;
            w[wOffset + i] -= rate * delta;
        }
    }

    @Override
    protected List<String> stateNames() {
        return List.of("square_avg", "acc_delta");
    }

    @Override
    protected List<float[][]> stateArrays() {
        return List.of(squareAverage, deltaAverage);
    }
}
