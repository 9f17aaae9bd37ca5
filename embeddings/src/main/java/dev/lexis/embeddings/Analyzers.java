package dev.lexis.embeddings;

import dev.lexis.tokenize.Tokenizer;
import java.util.List;
import java.util.function.UnaryOperator;

/** Query normalization by the analyzer the vectors were trained with (a {@link Tokenizer} spec). */
final class Analyzers {

    private Analyzers() {
    }

    /**
     * @param spec analyzer spec from the vectors' metadata, or null
     * @return a function from a query word to its analyzed form (null when the analyzer drops it or splits it)
     */
    static UnaryOperator<String> normalizerFor(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("whitespace")) {
            return UnaryOperator.identity();
        }
        Tokenizer tokenizer;
        try {
            tokenizer = Tokenizer.fromSpec(spec);
        } catch (IllegalArgumentException e) {
            // vectors written by another version or tool: look words up as given
            return UnaryOperator.identity();
        }
        return word -> {
            List<String> tokens = tokenizer.tokenize(word);
            return tokens.size() == 1 ? tokens.get(0) : null;
        };
    }
}
