/**
 * The shared neural-network core: tensors on flat float arrays, ops with forward and backward passes composed on a reverse-mode tape, layers, losses (squared error, softmax cross-entropy, hierarchical softmax, negative sampling), optimizers, initializers, fast kernels and the Lexis model-file format.
 */
package dev.lexis.nn;
