package dev.lexis.nn.train;

import java.util.Optional;

/**
 * Training produced a non-finite loss (NaN or ±Infinity). Thrown by the {@link Trainer} before the
 * optimizer step that would spread it into the weights; the message names the epoch, the step, the first
 * parameter whose gradient is not finite (if any) and the learning rate, e.g.
 * {@code epoch 3, step 12480: loss is NaN (learning rate 0.025); try a lower rate or gradient clipping}.
 */
public final class TrainingDivergedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final long step;
    private final float loss;
    private final float learningRate;
    private final String parameter;

    public TrainingDivergedException(int epoch, long step, float loss, float learningRate, String parameter) {
        super(message(epoch, step, loss, learningRate, parameter));
        this.epoch = epoch;
        this.step = step;
        this.loss = loss;
        this.learningRate = learningRate;
        this.parameter = parameter;
    }

    private static String message(int epoch, long step, float loss, float learningRate, String parameter) {
        String value = Float.isNaN(loss) ? "NaN" : loss > 0 ? "+Infinity" : "-Infinity";
        return "epoch " + epoch + ", step " + step + ": loss is " + value
                + (parameter == null ? "" : ", gradient of \"" + parameter + "\" is not finite")
                + " (learning rate " + learningRate + "); try a lower rate or gradient clipping";
    }

    /** The 1-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** The 1-based global step (mini-batch) number. */
    public long step() {
        return step;
    }

    public float loss() {
        return loss;
    }

    public float learningRate() {
        return learningRate;
    }

    /** The first parameter (in the model's order) whose gradient holds a NaN or infinity, if any. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }
}
