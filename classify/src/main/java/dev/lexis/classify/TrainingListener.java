package dev.lexis.classify;

/**
 * Receives progress while a classifier trains: one report per epoch, and notes on the setup (such as how many
 * training words have a pre-trained vector); both called on the training thread.
 */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that ignores every report. */
    TrainingListener NONE = report -> { };

    void onEpoch(EpochReport report);

    /** A one-line note on the setup before the first epoch (default: ignored). */
    default void onNote(String note) {
    }

    /**
     * The state after one epoch.
     *
     * @param epoch            1-based epoch number
     * @param epochs           the configured number of epochs
     * @param loss             mean training loss (softmax cross-entropy, nats) over the epoch
     * @param devAccuracy      accuracy on the dev set, or {@code NaN} without one
     * @param examplesPerSecond training examples per second in this epoch (training steps only)
     * @param best             whether this epoch is the best so far on the dev set (the one kept)
     */
    record EpochReport(int epoch, int epochs, double loss, double devAccuracy, double examplesPerSecond,
                       boolean best) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "epoch %d/%d loss %.4f%s %.0f ex/s%s", epoch, epochs, loss,
                    Double.isNaN(devAccuracy) ? "" : String.format(java.util.Locale.ROOT, " dev %.4f", devAccuracy),
                    examplesPerSecond, best && !Double.isNaN(devAccuracy) ? " *" : "");
        }
    }
}
