package dev.lexis.lm;

import java.util.Locale;

/**
 * Training stopped because the loss became NaN or infinite, e.g.
 * {@code epoch 3, step 12480: loss is NaN (learning rate 0.8); try a lower rate or weight decay}.
 */
public final class NnlmDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final long step;
    private final double learningRate;

    public NnlmDivergedException(int epoch, long step, double loss, double learningRate) {
        super(String.format(Locale.ROOT, "epoch %d, step %d: loss is %s (learning rate %.4g); try a lower rate "
                + "or weight decay", epoch, step, Double.isNaN(loss) ? "NaN" : "infinite", learningRate));
        this.epoch = epoch;
        this.step = step;
        this.learningRate = learningRate;
    }

    public int epoch() {
        return epoch;
    }

    public long step() {
        return step;
    }

    public double learningRate() {
        return learningRate;
    }
}
