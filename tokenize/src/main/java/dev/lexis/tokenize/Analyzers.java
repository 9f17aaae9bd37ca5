package dev.lexis.tokenize;

import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** Builds the Lucene analyzer for a spec (every analyzer except the whitespace fast path). */
final class Analyzers {

    /** Runs longer than this (or than maxTokenLength, if larger) are split by the Lucene tokenizers. */
    static final int SCAN_LIMIT = 4096;

    private static final CharArraySet ENGLISH_STOP_WORDS_ANY_CASE =
            CharArraySet.unmodifiableSet(new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true));

    private Analyzers() {}

    static Analyzer build(TokenizerSpec spec) {
        int max = spec.maxTokenLength();
        boolean lowercase = spec.lowercase();
        boolean stem = spec.stem();
        return switch (spec.analyzer()) {
            case "standard" -> new Chain(() -> standardTokenizer(max), ts -> {
                ts = new TruncateFilter(ts, max);
                ts = lowercase ? new LowerCaseFilter(ts) : ts;
                return stem ? new PorterStemFilter(ts) : ts;
            });
            case "english" -> new Chain(() -> standardTokenizer(max), ts -> {
                ts = new TruncateFilter(ts, max);
                ts = new EnglishPossessiveFilter(ts);
                ts = lowercase ? new LowerCaseFilter(ts) : ts;
                // with keepcase, stop words still match in any case
                ts = new StopFilter(ts, lowercase ? EnglishAnalyzer.ENGLISH_STOP_WORDS_SET : ENGLISH_STOP_WORDS_ANY_CASE);
                return stem ? new PorterStemFilter(ts) : ts;
            });
            case "icu" -> new Chain(ICUTokenizer::new, ts -> {
                ts = new TruncateFilter(ts, max);
                ts = lowercase ? new LowerCaseFilter(ts) : ts;
                return stem ? new PorterStemFilter(ts) : ts;
            });
            case "smartcn" -> new Chain(HMMChineseTokenizer::new, ts -> {
                ts = new TruncateFilter(ts, max);
                ts = new StopFilter(ts, SmartChineseAnalyzer.getDefaultStopSet());
                return stem ? new PorterStemFilter(ts) : ts;
            });
            default -> {
                assert !spec.isBuiltIn() : spec;
                List<LuceneChain.Element> elements = LuceneChain.parse(spec.analyzer());
                Analyzer custom = LuceneChain.build(spec.analyzer(), elements);
                yield new Extended(custom, ts -> {
                    ts = new TruncateFilter(ts, max);
                    ts = lowercase ? new LowerCaseFilter(ts) : ts;
                    return stem ? new PorterStemFilter(ts) : ts;
                });
            }
        };
    }

    private static StandardTokenizer standardTokenizer(int maxTokenLength) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setMaxTokenLength(Math.max(maxTokenLength, SCAN_LIMIT));
        return tokenizer;
    }

    /** An analyzer made of a tokenizer and a filter chain. */
    private static final class Chain extends Analyzer {
        private final Supplier<org.apache.lucene.analysis.Tokenizer> tokenizer;
        private final UnaryOperator<TokenStream> filters;

        Chain(Supplier<org.apache.lucene.analysis.Tokenizer> tokenizer, UnaryOperator<TokenStream> filters) {
            this.tokenizer = tokenizer;
            this.filters = filters;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            org.apache.lucene.analysis.Tokenizer source = tokenizer.get();
            return new TokenStreamComponents(source, filters.apply(source));
        }
    }

    /** A Lucene CustomAnalyzer with our truncation / lower-casing / stemming filters appended. */
    private static final class Extended extends AnalyzerWrapper {
        private final Analyzer delegate;
        private final UnaryOperator<TokenStream> filters;

        Extended(Analyzer delegate, UnaryOperator<TokenStream> filters) {
            super(Analyzer.GLOBAL_REUSE_STRATEGY);
            this.delegate = delegate;
            this.filters = filters;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return delegate;
        }

        @Override
        protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
            return new TokenStreamComponents(components.getSource(), filters.apply(components.getTokenStream()));
        }
    }
}
