package dev.lexis.embeddings;

/**
 * Receives the trainer's progress: about once a second and at the end of each epoch, from one thread at a time.
 * {@code System.err::println} prints one line per report.
 */
@FunctionalInterface
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = p -> { };

    /** @param progress the report */
    void onProgress(TrainingProgress progress);
}
