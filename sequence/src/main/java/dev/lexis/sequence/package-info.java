/**
 * Recurrent sequence models on {@code dev.lexis.nn.rnn}: a part-of-speech / chunk tagger (word embeddings,
 * learned or pre-trained, → (Bi)LSTM / GRU / RNN → dense → softmax per token; Huang, Xu &amp; Yu 2015 without the
 * CRF), a sequence classifier behind the {@code TextClassifier} API, and conlleval-compatible token and span
 * metrics.
 */
package dev.lexis.sequence;
