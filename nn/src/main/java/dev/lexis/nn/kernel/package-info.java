/**
 * The hot loops of Lexis in one place: {@link dev.lexis.nn.kernel.Kernels} (dot, axpy, reductions,
 * element-wise loops, multi-threaded cache-blocked GEMM with all transposes) with a scalar implementation and a
 * JDK Vector API implementation chosen once at start-up.
 */
package dev.lexis.nn.kernel;
