/**
 * Layers built from the ops of {@link dev.lexis.nn.Ops}: {@link dev.lexis.nn.layers.Dense},
 * {@link dev.lexis.nn.layers.Embedding}, {@link dev.lexis.nn.layers.Conv1d}, {@link dev.lexis.nn.layers.Dropout},
 * {@link dev.lexis.nn.layers.ResidualBlock}, {@link dev.lexis.nn.layers.Sequential}, the
 * {@link dev.lexis.nn.layers.Mlp} builder and {@link dev.lexis.nn.layers.AuxiliaryOutput} heads. Layers hold named
 * parameters and no per-call state; their forward passes record on the input's tape.
 */
package dev.lexis.nn.layers;
