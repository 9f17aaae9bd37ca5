package dev.lexis.nn.optim;

import dev.lexis.nn.Parameter;
import java.util.Collection;
import java.util.List;

/**
 * Gradient descent, plain or with momentum: w ← w − η·g; with momentum μ, v ← μ·v + g and w ← w − η·v;
 * with Nesterov momentum (Sutskever et al. 2013, in PyTorch's form) w ← w − η·(g + μ·v). Whether it is
 * batch, stochastic or mini-batch gradient descent depends only on how many examples the gradient sums
 * (the trainer's batch size).
 */
public final class Sgd extends Optimizer {
    private final float momentum;
    private final boolean nesterov;
    private final float[][] velocity;

    /**
     * @param momentum μ in [0, 1); 0 for plain gradient descent
     * @param nesterov use Nesterov momentum (needs μ &gt; 0)
     * @throws IllegalArgumentException naming the field for a bad value
     */
    public Sgd(Collection<Parameter> parameters, LearningRateSchedule schedule, float momentum, boolean nesterov) {
        super("sgd", parameters, schedule);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("nesterov needs momentum > 0");
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.velocity = momentum > 0 ? newState(0f) : null;
    }

    public float momentum() {
        return momentum;
    }

    public boolean isNesterov() {
        return nesterov;
    }

    @Override
    protected void update(int k, float[] w, int wOffset, float[] g, int gOffset, int stateOffset, int n,
                          float rate, float decay) {
        if (velocity == null) {
            for (int i = 0; i < n; i++) {
                w[wOffset + i] -= rate * (g[gOffset + i] + decay * w[wOffset + i]);
            }
            return;
        }
        float[] v = velocity[k];
        float mu = momentum;
        if (nesterov) {
            for (int i = 0; i < n; i++) {
                float grad = g[gOffset + i] + decay * w[wOffset + i];
                float vel = mu * v[stateOffset + i] + grad;
                v[stateOffset + i] = vel;
                w[wOffset + i] -= rate * (grad + mu * vel);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float grad = g[gOffset + i] + decay * w[wOffset + i];
                float vel = mu * v[stateOffset + i] + grad;
                v[stateOffset + i] = vel;
                w[wOffset + i] -= rate * vel;
            }
        }
    }

    @Override
    protected List<String> stateNames() {
        return velocity == null ? List.of() : List.of(nesterov ? "nesterov_velocity" : "velocity");
    }

    @Override
    protected List<float[][]> stateArrays() {
        return velocity == null ? List.of() : List.<float[][]>of(velocity);
    }
}
