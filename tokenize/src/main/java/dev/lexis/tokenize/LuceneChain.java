package dev.lexis.tokenize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;

/**
 * A custom analysis chain written with Lucene's SPI names, e.g. {@code standard|lowercase|asciiFolding} or
 * {@code htmlStrip|pattern(pattern=[a-z]+,group=0)|lowercase}: optional char filters, one tokenizer, then
 * token filters, separated by {@code |}. An element may carry factory parameters in parentheses,
 * {@code key=value} pairs separated by commas; a backslash escapes the next character of a key or value.
 * Names match case-insensitively and are written back in Lucene's own spelling.
 */
final class LuceneChain {

    /** What an element of the chain is. */
    enum Kind { CHAR_FILTER, TOKENIZER, TOKEN_FILTER }

    /** One element: its kind, its SPI name (Lucene's spelling) and its factory parameters (in order). */
    record Element(Kind kind, String name, Map<String, String> params) {
        Element {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    private static final Map<String, String> TOKENIZERS = byLowerCase(TokenizerFactory.availableTokenizers());
    private static final Map<String, String> CHAR_FILTERS = byLowerCase(CharFilterFactory.availableCharFilters());
    private static final Map<String, String> TOKEN_FILTERS = byLowerCase(TokenFilterFactory.availableTokenFilters());

    private LuceneChain() {}

    private static Map<String, String> byLowerCase(java.util.Set<String> names) {
        Map<String, String> map = new TreeMap<>();
        for (String name : names) {
            map.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Collections.unmodifiableMap(map);
    }

    /** Lucene tokenizer SPI names, sorted. */
    static List<String> tokenizerNames() {
        return List.copyOf(TOKENIZERS.values());
    }

    /** Lucene token filter SPI names, sorted. */
    static List<String> tokenFilterNames() {
        return List.copyOf(TOKEN_FILTERS.values());
    }

    /** Lucene char filter SPI names, sorted. */
    static List<String> charFilterNames() {
        return List.copyOf(CHAR_FILTERS.values());
    }

    /** Whether {@code name} is a Lucene tokenizer SPI name (case-insensitive). */
    static boolean isTokenizerName(String name) {
        return TOKENIZERS.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Parses a chain.
     *
     * @throws IllegalArgumentException naming the element when a name is unknown, the tokenizer is missing
     *     or the parameter syntax is wrong
     */
    static List<Element> parse(String chain) {
        List<String> parts = Specs.splitTopLevel(chain, '|');
        List<Element> elements = new ArrayList<>();
        boolean seenTokenizer = false;
        for (String raw : parts) {
            String part = raw.strip();
            if (part.isEmpty()) {
                throw new IllegalArgumentException("analysis chain \"" + chain + "\" has an empty element;"
                        + " write names separated by |, e.g. standard|lowercase|asciiFolding");
            }
            int open = part.indexOf('(');
            String name = (open < 0 ? part : part.substring(0, open)).strip();
            Map<String, String> params = open < 0 ? Map.of() : parseParams(chain, part, open);
            String key = name.toLowerCase(Locale.ROOT);
            Element element;
            if (!seenTokenizer && CHAR_FILTERS.containsKey(key)) {
                element = new Element(Kind.CHAR_FILTER, CHAR_FILTERS.get(key), params);
            } else if (!seenTokenizer && TOKENIZERS.containsKey(key)) {
                element = new Element(Kind.TOKENIZER, TOKENIZERS.get(key), params);
                seenTokenizer = true;
            } else if (seenTokenizer && TOKEN_FILTERS.containsKey(key)) {
                element = new Element(Kind.TOKEN_FILTER, TOKEN_FILTERS.get(key), params);
            } else if (!seenTokenizer) {
                throw new IllegalArgumentException("analysis chain \"" + chain + "\": \"" + name
                        + "\" is not a Lucene tokenizer or char filter; a chain is [char filters|]tokenizer[|token filters]."
                        + " Tokenizers: " + String.join(", ", TOKENIZERS.values())
                        + ". Char filters: " + String.join(", ", CHAR_FILTERS.values()));
            } else {
                throw new IllegalArgumentException("analysis chain \"" + chain + "\": \"" + name
                        + "\" is not a Lucene token filter (only one tokenizer per chain). Token filters: "
                        + String.join(", ", TOKEN_FILTERS.values()));
            }
            elements.add(element);
        }
        return List.copyOf(elements);
    }

    private static Map<String, String> parseParams(String chain, String part, int open) {
        int close = Specs.indexOfUnescaped(part, ')', open + 1);
        if (close < 0 || close != part.length() - 1) {
            throw new IllegalArgumentException("analysis chain \"" + chain + "\": element \"" + part
                    + "\" must end with its parameter list in parentheses, e.g. pattern(pattern=\\\\w+)");
        }
        String inner = part.substring(open + 1, close);
        Map<String, String> params = new LinkedHashMap<>();
        if (inner.isBlank()) {
            return params;
        }
        for (String pair : Specs.splitTopLevel(inner, ',')) {
            int eq = Specs.indexOfUnescaped(pair, '=', 0);
            if (eq < 0) {
                throw new IllegalArgumentException("analysis chain \"" + chain + "\": parameter \"" + pair.strip()
                        + "\" in \"" + part + "\" must be key=value");
            }
            String key = Specs.unescape(pair.substring(0, eq).strip());
            String value = Specs.unescape(pair.substring(eq + 1).strip());
            if (key.isEmpty() || params.put(key, value) != null) {
                throw new IllegalArgumentException("analysis chain \"" + chain + "\": parameter \"" + pair.strip()
                        + "\" in \"" + part + "\" has an empty or repeated key");
            }
        }
        return params;
    }

    /**
     * Writes a chain back in canonical form: Lucene's spelling of each name, parameters in their order,
     * special characters escaped. A one-element chain whose name is also a built-in analyzer name is
     * written with empty parentheses ({@code whitespace()}) so that it stays a chain when parsed again.
     */
    static String format(List<Element> elements) {
        StringBuilder out = new StringBuilder();
        for (Element element : elements) {
            if (!out.isEmpty()) {
                out.append('|');
            }
            out.append(element.name());
            if (!element.params().isEmpty()) {
                out.append('(');
                boolean first = true;
                for (Map.Entry<String, String> e : element.params().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(Specs.escape(e.getKey())).append('=').append(Specs.escape(e.getValue()));
                }
                out.append(')');
            } else if (elements.size() == 1 && TokenizerSpec.BUILT_IN.contains(element.name().toLowerCase(Locale.ROOT))) {
                out.append("()");
            }
        }
        return out.toString();
    }

    /**
     * Builds the chain with Lucene's {@link CustomAnalyzer} (resources such as stop word files are looked up
     * on the class path).
     *
     * @throws IllegalArgumentException when a factory rejects its parameters (the message names the chain)
     */
    static Analyzer build(String chain, List<Element> elements) {
        try {
            CustomAnalyzer.Builder builder = CustomAnalyzer.builder();
            for (Element e : elements) {
                Map<String, String> params = new LinkedHashMap<>(e.params());  // factories consume the map
                switch (e.kind()) {
                    case CHAR_FILTER -> builder.addCharFilter(e.name(), params);
                    case TOKENIZER -> builder.withTokenizer(e.name(), params);
                    case TOKEN_FILTER -> builder.addTokenFilter(e.name(), params);
                }
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analysis chain \"" + chain + "\": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("analysis chain \"" + chain + "\": cannot load a resource: " + e.getMessage(), e);
        }
    }
}
