/**
 * Speed of the nn core against PyTorch: a JMH benchmark of GEMM at the shapes the models use
 * ({@link dev.lexis.bench.nn.GemmBench}) and the training throughput of the MR bag-of-words MLP
 * ({@link dev.lexis.bench.nn.MrMlpBench}); {@code bench/nn/run.sh} runs both next to the PyTorch scripts and
 * prints the ratios.
 */
package dev.lexis.bench.nn;
