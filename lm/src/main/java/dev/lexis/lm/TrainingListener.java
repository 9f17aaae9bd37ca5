package dev.lexis.lm;

/** Receives NNLM training progress (about every 2 seconds and at the end of each epoch), on the caller's thread. */
@FunctionalInterface
public interface TrainingListener {
    /** Called with each report. */
    void onProgress(TrainingProgress progress);

    /** A listener that ignores everything. */
    static TrainingListener silent() {
        return p -> { };
    }
}
