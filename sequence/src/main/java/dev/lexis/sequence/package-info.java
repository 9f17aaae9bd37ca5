/**
 * Recurrent sequence models (RNN, GRU, LSTM and bidirectional wrappers) for tagging and sequence classification.
 */
package dev.lexis.sequence;
