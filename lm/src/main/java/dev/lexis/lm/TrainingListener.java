package dev.lexis.lm;

/** Receives NNLM training progress (about every 2 seconds and at the end of each epoch), on the caller's thread. */
@FunctionalInterface
public interface TrainingListener {
    /** Called with each report. */
    void onProgress(TrainingProgress progress);

    /**
     * Called after a checkpoint was written inside an epoch ({@link NnlmTrainer#checkpointEvery(int)}), with the
     * progress at that point; does nothing by default. An exception thrown here ends the training run (the
     * checkpoint stays, and {@link NnlmTrainer#resumeFrom(java.nio.file.Path)} continues from it).
     */
    default void onCheckpoint(java.nio.file.Path checkpoint, TrainingProgress progress) {
    }

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return p -> { };
    }
}
