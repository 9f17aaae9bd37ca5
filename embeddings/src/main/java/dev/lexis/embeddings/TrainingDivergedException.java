package dev.lexis.embeddings;

/**
 * Training produced NaN: raised in the worker thread and carried to the caller of
 * {@link Word2VecTrainer#train}. The message names the epoch, the step (words processed) and the learning rate,
 * e.g. {@code epoch 3, step 12480: loss is NaN (learning rate 0.025); try a lower rate}.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param epoch the epoch (1-based)
     * @param step  words processed so far
     * @param alpha the learning rate at that point
     */
    public TrainingDivergedException(int epoch, long step, double alpha) {
        super(String.format(java.util.Locale.ROOT,
                "epoch %d, step %d: loss is NaN (learning rate %.6g); try a lower rate (--alpha)", epoch, step, alpha));
    }
}
