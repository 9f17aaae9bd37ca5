package dev.lexis.cli;

import dev.lexis.tokenize.Tokenizer;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an {@code --analyzer} value to a {@link Tokenizer}, so a bad spec is a usage error (exit code 2)
 * whose message lists the valid names.
 */
public final class TokenizerOption implements ITypeConverter<Tokenizer> {

    /** The option's description, shared by every command that takes {@code --analyzer}. */
    public static final String DESCRIPTION = "Tokenizer: whitespace (split on whitespace, keep case, as the word2vec "
            + "C tool), standard (Unicode word breaks, lower case), english, icu, smartcn (Chinese), or a Lucene "
            + "chain such as 'standard|lowercase|asciiFolding'; options +lowercase, +keepcase, +stem, +maxlen=N. "
            + "Default: ${DEFAULT-VALUE}.";

    @Override
    public Tokenizer convert(String value) {
        try {
            return Tokenizer.named(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
