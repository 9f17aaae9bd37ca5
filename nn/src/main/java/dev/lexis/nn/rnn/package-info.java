/**
 * Recurrent layers on the {@link dev.lexis.nn.Tape}: the plain (Elman) RNN, the GRU (Cho et al. 2014) and the
 * LSTM (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et al. 2000), each a fused op that runs a
 * whole batch of sequences forward and backward through time with one matrix product per step; a bidirectional
 * wrapper (Schuster &amp; Paliwal 1997) and a stack of layers with dropout between them. Batches hold sequences
 * of different lengths (sorted longest first, as packed sequences), and backpropagation through time may be
 * truncated.
 */
package dev.lexis.nn.rnn;
