package dev.lexis.nn.train;

import dev.lexis.nn.Parameter;
import dev.lexis.nn.Tape;
import dev.lexis.nn.Var;
import java.util.List;

/**
 * What a {@link Trainer} needs from a model: its parameters and a loss on a list of examples.
 *
 * <p>Thread safety: with {@link TrainerConfig#threads()} &gt; 1, {@link #loss(Tape, List)} is called from
 * several threads at once, each with its own tape; it must only <em>read</em> the parameters (through
 * {@link Tape#param(Parameter)}) and keep any scratch state on the tape, not in the model.
 *
 * @param <E> the example type (e.g. a labelled, tokenised sentence)
 */
public interface Trainable<E> {
    /** The parameters to train and to save in checkpoints (unique names; frozen ones are kept but not updated). */
    List<Parameter> parameters();

    /**
     * Records the forward pass over {@code examples} on {@code tape} and returns the <em>mean</em> loss over
     * them as a one-element Var. The trainer runs the backward pass and weights each part of a mini-batch by
     * its share of the examples, so the gradient is that of the mean loss over the whole mini-batch.
     *
     * @param tape     a reset tape in training mode (dropout on), whose random numbers are seeded per worker
     * @param examples one to {@link TrainerConfig#batchSize()} examples (fewer when a batch is split over
     *                 threads or passes)
     */
    Var loss(Tape tape, List<E> examples);
}
