package dev.lexis.nn.train;

import dev.lexis.nn.train.TrainingListener.EpochSummary;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What a {@link Trainer#train} run did.
 *
 * @param epochs       the summaries of the epochs run in this call (resumed epochs are not repeated)
 * @param lastEpoch    the last epoch completed (1-based; counts resumed epochs)
 * @param steps        optimizer steps in total (counts resumed steps)
 * @param stoppedEarly whether early stopping ended training before the last planned epoch
 * @param bestEpoch    the epoch with the best validation metric (0 without validation)
 * @param best         the best validation metric, if there was validation
 * @param restoredBest whether the parameters were set back to those of {@code bestEpoch}
 */
public record TrainingResult(List<EpochSummary> epochs, int lastEpoch, long steps, boolean stoppedEarly, int bestEpoch,
                             OptionalDouble best, boolean restoredBest) {
    public TrainingResult {
        epochs = List.copyOf(epochs);
    }

    /** The mean training loss of the last epoch run (NaN if none ran). */
    public double finalTrainLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).trainLoss();
    }
}
