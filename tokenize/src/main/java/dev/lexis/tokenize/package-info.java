/**
 * Text to tokens to ids: {@link dev.lexis.tokenize.Tokenizer} splits text with Apache Lucene 10 analyzers
 * chosen by a spec string ({@code whitespace}, {@code standard}, {@code english[+stem]}, {@code icu},
 * {@code smartcn}, or chains of Lucene SPI names such as {@code standard|lowercase|asciiFolding}; see
 * {@link dev.lexis.tokenize.TokenizerSpec}), {@link dev.lexis.tokenize.VocabularyBuilder} counts tokens
 * within a memory budget, {@link dev.lexis.tokenize.Vocabulary} is the immutable word ↔ id map with counts
 * (saved in the word2vec C tool's {@code word count} format), and {@link dev.lexis.tokenize.NGrams} gives
 * word n-grams, plain or hashed as fastText does.
 */
package dev.lexis.tokenize;
