package dev.lexis.cli;

import dev.lexis.tokenize.Tokenizer;

import dev.lexis.cli.args.Converter;

/**
 * Converts an {@code --analyzer} value to a {@link Tokenizer}, so a bad spec is a usage error (exit code 2)
 * whose message lists the valid names.
 */
public final class TokenizerOption implements Converter<Tokenizer> {

    /** The option's description, shared by every command that takes {@code --analyzer}. */
    public static final String DESCRIPTION = "Tokenizer: whitespace (split on whitespace, keep case, as the word2vec "
            + "C tool), standard (Unicode word breaks, lower case), english, icu, smartcn (Chinese), or a Lucene "
            + "chain such as 'standard|lowercase|asciiFolding'; options +lowercase, +keepcase, +stem, +maxlen=N. "
            + "Default: ${DEFAULT-VALUE}.";

    @Override
    public Tokenizer convert(String value) {
        return Tokenizer.named(value);   // its IllegalArgumentException lists the valid names
    }
}
