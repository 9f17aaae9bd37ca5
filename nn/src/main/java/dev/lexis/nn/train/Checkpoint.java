package dev.lexis.nn.train;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tensor;
import dev.lexis.nn.io.ModelFile;
import dev.lexis.nn.optim.Optimizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Training checkpoints in the Lexis model file format (kind {@value #KIND}): the parameters under their
 * names, the optimizer state ({@link Optimizer#exportState()}), the best parameters so far under
 * {@code best/<name>} when early stopping keeps them, and the progress as config properties
 * ({@code checkpoint.epoch}, {@code checkpoint.step}, …) next to the trainer's config. Restoring puts all
 * of it back, so that training resumes exactly where it stopped.
 */
public final class Checkpoint {
    /** The model-file kind of checkpoints. */
    public static final String KIND = "checkpoint";

    private Checkpoint() {
    }

    /**
     * The progress recorded in a checkpoint.
     *
     * @param epoch              the last completed epoch (1-based)
     * @param step               the global optimizer steps so far
     * @param bestEpoch          the epoch of the best validation metric so far (0 if none)
     * @param bestValidation     that metric (NaN if none)
     * @param epochsSinceBest    epochs since the best one (for patience)
     */
    public record Progress(int epoch, long step, int bestEpoch, double bestValidation, int epochsSinceBest) {
    }

    /**
     * Writes a checkpoint (atomically, see {@link ModelFile#save(Path)}).
     *
     * @param best          the best parameter values by parameter name (may be empty)
     * @param trainerConfig config properties stored with the checkpoint (e.g. {@link TrainerConfig#toProperties()})
     */
    public static void save(Path file, List<Parameter> parameters, Optimizer optimizer, Progress progress,
                            Map<String, Tensor> best, Map<String, String> trainerConfig) throws IOException {
        ModelFile.Builder b = ModelFile.builder(KIND)
                .config(trainerConfig)
                .config("checkpoint.epoch", Integer.toString(progress.epoch()))
                .config("checkpoint.step", Long.toString(progress.step()))
                .config("checkpoint.bestEpoch", Integer.toString(progress.bestEpoch()))
                .config("checkpoint.bestValidation", Double.toString(progress.bestValidation()))
                .config("checkpoint.epochsSinceBest", Integer.toString(progress.epochsSinceBest()))
                .config("checkpoint.optimizer", optimizer.name())
                .parameters(parameters);
        optimizer.exportState().forEach(b::tensor);
        best.forEach((name, value) -> b.tensor("best/" + name, value));
        b.build().save(file);
    }

    /**
     * Reads a checkpoint back into {@code parameters} (by name and shape) and {@code optimizer}, and fills
     * {@code best} with the stored best parameters (if any).
     *
     * @throws IOException              if the file cannot be read or is not a valid checkpoint (the message
     *                                  names the file)
     * @throws IllegalArgumentException if a parameter or optimizer tensor is missing or has another shape, or the
     *                                  optimizer differs from the one saved
     */
    public static Progress restore(Path file, List<Parameter> parameters, Optimizer optimizer, Map<String, Tensor> best)
            throws IOException {
        ModelFile m = ModelFile.load(file, KIND);
        String savedOptimizer = m.config("checkpoint.optimizer");
        if (!savedOptimizer.equals(optimizer.name())) {
            throw new IllegalArgumentException(file + ": the checkpoint was trained with " + savedOptimizer
                    + ", cannot resume with " + optimizer.name());
        }
        try {
            m.copyInto(parameters);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, Tensor> tensors = new HashMap<>();
        for (String name : m.tensorNames()) {
            tensors.put(name, m.tensor(name));
            if (name.startsWith("best/")) {
                best.put(name.substring("best/".length()), m.tensor(name));
            }
        }
        try {
            optimizer.importState(tensors);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        try {
            return new Progress(Integer.parseInt(m.config("checkpoint.epoch")), Long.parseLong(m.config("checkpoint.step")),
                    Integer.parseInt(m.config("checkpoint.bestEpoch")),
                    Double.parseDouble(m.config("checkpoint.bestValidation")),
                    Integer.parseInt(m.config("checkpoint.epochsSinceBest")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": bad checkpoint progress (" + e.getMessage() + ")", e);
        }
    }
}
