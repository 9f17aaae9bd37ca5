package dev.lexis.tokenize;

/**
 * Receives tokens as slices of a {@code char[]}, so hot loops (vocabulary counting, id lookup) can
 * consume tokens without allocating a {@code String} per token.
 *
 * <p>The array is owned by the caller and is reused: the slice {@code chars[offset, offset + length)}
 * is valid only during the call. Copy it (e.g. {@code new String(chars, offset, length)}) to keep it.
 * {@code length} is always at least 1.
 */
@FunctionalInterface
public interface TokenSink {

    /**
     * Called once per token, in text order.
     *
     * @param chars  buffer holding the token (UTF-16 code units); do not keep a reference
     * @param offset index of the token's first char in {@code chars}
     * @param length number of chars in the token, {@code >= 1}
     */
    void accept(char[] chars, int offset, int length);
}
