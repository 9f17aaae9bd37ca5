/**
 * Training loops over the nn core: a {@link dev.lexis.nn.train.Trainer} that runs gradient descent in its
 * batch, stochastic and mini-batch forms (one setting, the batch size) for a number of epochs over seeded
 * shuffled mini-batches, data-parallel over several threads (each with its own tape and gradient buffers,
 * reduced before one optimizer step), with a progress listener, early stopping on a validation metric,
 * NaN/Inf detection ({@link dev.lexis.nn.train.TrainingDivergedException}) and checkpoints in the Lexis model
 * file format that resume exactly.
 */
package dev.lexis.nn.train;
