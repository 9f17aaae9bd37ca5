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

    /**
     * Called (on the thread that called {@code train}) right after a checkpoint was written atomically; the
     * default does nothing.
     *
     * @param file       the checkpoint file
     * @param progress   where training stands at that checkpoint
     * @param midEpoch   true for a checkpoint inside an epoch (every N words or minutes), false after an epoch
     */
    default void onCheckpoint(java.nio.file.Path file, TrainingProgress progress, boolean midEpoch) {
    }
}
