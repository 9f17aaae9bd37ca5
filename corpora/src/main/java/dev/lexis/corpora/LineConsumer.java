package dev.lexis.corpora;

/** Receives the lines of a text corpus, one at a time, in order. */
@FunctionalInterface
public interface LineConsumer {
    /**
     * @param line the line without its line terminator ({@code \n} or {@code \r\n}) and without a byte-order mark
     * @param at where the line comes from; valid only during this call
     */
    void accept(String line, LineLocation at);
}
