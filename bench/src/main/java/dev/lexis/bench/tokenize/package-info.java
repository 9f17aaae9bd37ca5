/**
 * Speed of the tokenize module: reading, tokenizing and counting a corpus on one thread, per analyzer,
 * with peak memory; run by {@code bench/tokenize/run.sh}.
 */
package dev.lexis.bench.tokenize;
