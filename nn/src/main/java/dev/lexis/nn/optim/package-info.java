/**
 * Optimizers that update {@link dev.lexis.nn.Parameter}s from their gradients — gradient descent with
 * optional momentum or Nesterov momentum, AdaGrad (Duchi et al. 2011), Adadelta (Zeiler 2012; Kim 2014 uses
 * ρ = 0.95) and Adam (Kingma &amp; Ba 2015) — with learning-rate schedules, gradient clipping by global norm or
 * by value, L2 weight decay and a per-row max-norm constraint. Sparse-row parameters (embeddings) are updated
 * only in the rows touched since the last step; frozen parameters are skipped. Optimizer state exports to
 * named tensors for checkpoints. See {@link dev.lexis.nn.optim.Optimizer}.
 */
package dev.lexis.nn.optim;
