/**
 * Parameter initializers — zeros, constant, uniform, normal, Xavier/Glorot (Glorot &amp; Bengio 2010) and
 * He (He et al. 2015) — each filling a {@link dev.lexis.nn.Tensor} in place from a caller-supplied
 * {@link java.util.SplittableRandom}, so the same seed gives the same weights. See
 * {@link dev.lexis.nn.init.Initializer}.
 */
package dev.lexis.nn.init;
