package dev.lexis.embeddings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Hyper-parameters of the word2vec trainer (Mikolov et al. 2013, "Efficient Estimation of Word Representations
 * in Vector Space" and "Distributed Representations of Words and Phrases and their Compositionality"), with
 * the C tool's defaults: CBOW, dimension 100, window 5, min-count 5, sample 1e-3, negative sampling with 5
 * negatives and no hierarchical softmax, 5 epochs, alpha 0.05 for CBOW and 0.025 for Skip-gram.
 *
 * <p>Converts to and from properties ({@link #toProperties()}, {@link #fromProperties(Map)}) with the keys
 * of the command line ({@code model}, {@code dim}, {@code window}, ...); unknown keys are rejected.
 *
 * @param architecture         CBOW or Skip-gram
 * @param hierarchicalSoftmax  train a hierarchical-softmax output over a Huffman tree
 * @param negative             negative samples per positive example (0 = no negative sampling)
 * @param embeddingDim         vector dimension ({@code --dim})
 * @param window               maximum distance between a word and its context words; each position uses a
 *                             random window in [1, window], as the C tool
 * @param minCount             words rarer than this are dropped from the vocabulary
 * @param maxVocabSize         keep at most this many of the most frequent words (0 = no limit)
 * @param sample               subsampling threshold t of frequent words (0 = off); a word of frequency f is
 *                             kept with probability (sqrt(f / t) + 1) · t / f, the C tool's formula
 * @param epochs               passes over the corpus
 * @param alpha                starting learning rate, or NaN for the default of the architecture (0.05
 *                             CBOW, 0.025 Skip-gram); decays linearly to alpha · 1e-4 over all epochs
 * @param cbowMean             CBOW: mean of the context vectors (true, the default) or their sum
 * @param threads              training threads (Hogwild); 1 gives reproducible vectors for a seed
 * @param seed                 seed of every random choice (initial vectors, windows, subsampling, negatives)
 * @param analyzer             analyzer spec of the tokenizer ({@code whitespace} is the fast byte-level path)
 * @param maxSentenceLength    sentences (lines) are cut into pieces of at most this many kept words (1000)
 * @param streams              places in the corpus each training thread reads in turn, or 0 (the default) for
 *                             the architecture's: {@value #CBOW_STREAMS} for CBOW, 1 for Skip-gram; see below
 * @param minn                 shortest character n-gram of fastText-style subword vectors (Bojanowski et al. 2017;
 *                             {@code --minn}); 0 together with {@code maxn} 0 (the default) = plain word2vec
 * @param maxn                 longest character n-gram ({@code --maxn}; fastText's 3 and 6 are typical), 0 = off
 * @param bucket               hash buckets of the n-grams ({@code --bucket}; fastText's default
 *                             {@value #DEFAULT_BUCKET}); only the buckets the vocabulary's n-grams use get rows
 *
 * <p><b>Subwords.</b> With {@code maxn > 0} a word's input representation is the mean of its own row and the
 * rows of its character n-grams (see {@link Subwords} and {@link Word2VecTrainer}), and the trainer also returns
 * the n-gram rows, so that {@link WordVectors} can compose vectors for words the corpus never had.
 *
 * <p><b>Streams: why each thread reads several places of the corpus.</b> SGD assumes its examples come in random
 * order, but a corpus is a concatenation of documents, so a thread that reads one contiguous range drifts with the
 * current document: the updates of the last stretch of training, at a small learning rate, all come from the end
 * of the range. With {@code threads} T and {@code streams} K the trainer cuts the corpus into K·T ranges at
 * sentence boundaries; thread t reads ranges t, t + T, t + 2T, ... (far apart) in turn, switching to its next
 * range at the first sentence end after 2,000 tokens (a few dozen lines). Every token is still read exactly once
 * an epoch, sentences are never split, and one thread stays reproducible for a seed. The ranges start at the
 * cache's sync points (every 65,536 tokens), so a small corpus gets fewer, longer ranges. Measured on the
 * benchmark's 5M-token prose corpus (80-odd books; CBOW with hierarchical softmax, 2 threads, analogy accuracy on
 * questions-words / WordSim-353 Spearman rho, means of seeds 1-12): K = 1 0.1659 / 0.378, 16 0.1741 / 0.372, 32
 * 0.1784 / 0.361; gensim's two workers 0.1761 / ~0.36 (cbow-hs was the one mode more than a point below gensim
 * with K = 1). More streams raise the analogy accuracy and lower rho a little; 16 keeps both within reach of
 * gensim's. Skip-gram did not gain (sg-hs analogy 0.1977 against 0.1980 over five seeds with 32 streams, rho
 * 0.462 against 0.488; sg-ns 0.1980 against 0.2011), so its default stays one range a thread. Reading 32 places
 * instead of one did not measurably change the speed (README, embeddings benchmark).
 */
public record Word2VecConfig(
        Architecture architecture,
        boolean hierarchicalSoftmax,
        int negative,
        int embeddingDim,
        int window,
        int minCount,
        int maxVocabSize,
        double sample,
        int epochs,
        double alpha,
        boolean cbowMean,
        int threads,
        long seed,
        String analyzer,
        int maxSentenceLength,
        int streams,
        int minn,
        int maxn,
        int bucket) {

    /** {@link #effectiveStreams()} of CBOW when {@link #streams()} is 0 (the default). */
    public static final int CBOW_STREAMS = 16;
    /** The largest {@link #streams()} accepted. */
    public static final int MAX_STREAMS = 1024;
    /** fastText's number of n-gram hash buckets, the default of {@link #bucket()}. */
    public static final int DEFAULT_BUCKET = 2_000_000;

    /** The two architectures of Mikolov et al. 2013. */
    public enum Architecture {
        /** Continuous bag of words: predict the word from the mean (or sum) of its context. */
        CBOW,
        /** Skip-gram: predict each context word from the word. */
        SKIP_GRAM
    }

    /** Validates every field, naming it. */
    public Word2VecConfig {
        if (architecture == null) {
            throw new IllegalArgumentException("architecture must not be null");
        }
        if (negative < 0) {
            throw new IllegalArgumentException("negative must be >= 0, got " + negative);
        }
        if (!hierarchicalSoftmax && negative == 0) {
            throw new IllegalArgumentException("no output layer: enable hierarchicalSoftmax or set negative > 0");
        }
        if (embeddingDim < 1) {
            throw new IllegalArgumentException("embeddingDim must be > 0, got " + embeddingDim);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, got " + window);
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        if (maxVocabSize < 0) {
            throw new IllegalArgumentException("maxVocabSize must be >= 0 (0 = no limit), got " + maxVocabSize);
        }
        if (!(sample >= 0) || Double.isInfinite(sample)) {
            throw new IllegalArgumentException("sample must be >= 0, got " + sample);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!Double.isNaN(alpha) && !(alpha > 0 && alpha < 10)) {
            throw new IllegalArgumentException("alpha must be in (0, 10) or NaN for the default, got " + alpha);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (analyzer == null || analyzer.isBlank()) {
            throw new IllegalArgumentException("analyzer must not be empty");
        }
        if (maxSentenceLength < 2) {
            throw new IllegalArgumentException("maxSentenceLength must be >= 2, got " + maxSentenceLength);
        }
        if (streams < 0 || streams > MAX_STREAMS) {
            throw new IllegalArgumentException("streams must be in [1, " + MAX_STREAMS + "] or 0 for the default, got "
                    + streams);
        }
        if (maxn == 0 && minn != 0) {
            throw new IllegalArgumentException("minn must be 0 when maxn is 0 (subwords off), got minn " + minn
                    + "; set maxn >= minn for subwords");
        }
        if (maxn != 0 && (minn < 1 || maxn < minn || maxn > Subwords.MAX_N)) {
            throw new IllegalArgumentException("subwords need 1 <= minn <= maxn <= " + Subwords.MAX_N + ", got minn "
                    + minn + ", maxn " + maxn);
        }
        if (bucket < 1) {
            throw new IllegalArgumentException("bucket must be > 0, got " + bucket);
        }
    }

    /** The C tool's defaults (CBOW, negative sampling 5), all available processors, seed 1, whitespace analyzer. */
    public static Word2VecConfig defaults() {
        return new Word2VecConfig(Architecture.CBOW, false, 5, 100, 5, 5, 0, 1e-3, 5, Double.NaN, true,
                Runtime.getRuntime().availableProcessors(), 1, "whitespace", 1000, 0, 0, 0, DEFAULT_BUCKET);
    }

    /** @return the streams per thread: {@link #streams()} or the architecture's default (CBOW 16, Skip-gram 1) */
    public int effectiveStreams() {
        return streams > 0 ? streams : architecture == Architecture.CBOW ? CBOW_STREAMS : 1;
    }

    /** @return whether words are represented with their character n-grams ({@code maxn > 0}) */
    public boolean subwords() {
        return maxn > 0;
    }

    /** @return the starting learning rate: {@link #alpha()} or the architecture's default */
    public double effectiveAlpha() {
        return !Double.isNaN(alpha) ? alpha : architecture == Architecture.CBOW ? 0.05 : 0.025;
    }

    /** @return a copy with another architecture */
    public Word2VecConfig withArchitecture(Architecture v) {
        return with(f -> f.architecture = v);
    }

    /** @return a copy with hierarchical softmax on or off */
    public Word2VecConfig withHierarchicalSoftmax(boolean v) {
        return with(f -> f.hierarchicalSoftmax = v);
    }

    /** @return a copy with another number of negative samples (0 = none) */
    public Word2VecConfig withNegative(int v) {
        return with(f -> f.negative = v);
    }

    /**
     * The {@code --loss} switch of the command line: {@code hs} is hierarchical softmax without negatives,
     * {@code ns} negative sampling with {@code negative} samples (5 if it was 0) and no hierarchical softmax.
     *
     * @param loss {@code hs} or {@code ns}
     * @return the copy
     */
    public Word2VecConfig withLoss(String loss) {
        return switch (loss.toLowerCase(Locale.ROOT)) {
            case "hs" -> with(f -> {
                f.hierarchicalSoftmax = true;
                f.negative = 0;
            });
            case "ns" -> with(f -> {
                f.hierarchicalSoftmax = false;
                f.negative = negative == 0 ? 5 : negative;
            });
            default -> throw new IllegalArgumentException("loss must be hs or ns, got " + loss);
        };
    }

    /** @return a copy with another dimension */
    public Word2VecConfig withEmbeddingDim(int v) {
        return with(f -> f.embeddingDim = v);
    }

    /** @return a copy with another window */
    public Word2VecConfig withWindow(int v) {
        return with(f -> f.window = v);
    }

    /** @return a copy with another min-count */
    public Word2VecConfig withMinCount(int v) {
        return with(f -> f.minCount = v);
    }

    /** @return a copy with another maximum vocabulary size (0 = no limit) */
    public Word2VecConfig withMaxVocabSize(int v) {
        return with(f -> f.maxVocabSize = v);
    }

    /** @return a copy with another subsampling threshold */
    public Word2VecConfig withSample(double v) {
        return with(f -> f.sample = v);
    }

    /** @return a copy with another number of epochs */
    public Word2VecConfig withEpochs(int v) {
        return with(f -> f.epochs = v);
    }

    /** @return a copy with another starting learning rate (NaN = architecture default) */
    public Word2VecConfig withAlpha(double v) {
        return with(f -> f.alpha = v);
    }

    /** @return a copy with CBOW mean (true) or sum (false) */
    public Word2VecConfig withCbowMean(boolean v) {
        return with(f -> f.cbowMean = v);
    }

    /** @return a copy with another number of threads */
    public Word2VecConfig withThreads(int v) {
        return with(f -> f.threads = v);
    }

    /** @return a copy with another seed */
    public Word2VecConfig withSeed(long v) {
        return with(f -> f.seed = v);
    }

    /** @return a copy with another analyzer spec */
    public Word2VecConfig withAnalyzer(String v) {
        return with(f -> f.analyzer = v);
    }

    /** @return a copy with another maximum sentence length */
    public Word2VecConfig withMaxSentenceLength(int v) {
        return with(f -> f.maxSentenceLength = v);
    }

    /** @return a copy that reads {@code v} places of the corpus per thread in turn (0 = the architecture's default) */
    public Word2VecConfig withStreams(int v) {
        return with(f -> f.streams = v);
    }

    /**
     * A copy with fastText-style subwords: character n-grams of {@code minn} to {@code maxn} characters (0 and 0 =
     * off, plain word2vec).
     *
     * @throws IllegalArgumentException unless {@code 1 <= minn <= maxn <= 64}, or both are 0
     */
    public Word2VecConfig withSubwords(int minn, int maxn) {
        return with(f -> {
            f.minn = minn;
            f.maxn = maxn;
        });
    }

    /** @return a copy with another number of n-gram hash buckets */
    public Word2VecConfig withBucket(int v) {
        return with(f -> f.bucket = v);
    }

    /**
     * The fields as mutable copies: each {@code with} method and {@link #fromProperties} change some of them and build
     * a new config (validated by the constructor), so a new field is added here once instead of in every copy.
     */
    private static final class Fields {
        Architecture architecture;
        boolean hierarchicalSoftmax;
        int negative;
        int embeddingDim;
        int window;
        int minCount;
        int maxVocabSize;
        double sample;
        int epochs;
        double alpha;
        boolean cbowMean;
        int threads;
        long seed;
        String analyzer;
        int maxSentenceLength;
        int streams;
        int minn;
        int maxn;
        int bucket;

        Fields(Word2VecConfig c) {
            architecture = c.architecture;
            hierarchicalSoftmax = c.hierarchicalSoftmax;
            negative = c.negative;
            embeddingDim = c.embeddingDim;
            window = c.window;
            minCount = c.minCount;
            maxVocabSize = c.maxVocabSize;
            sample = c.sample;
            epochs = c.epochs;
            alpha = c.alpha;
            cbowMean = c.cbowMean;
            threads = c.threads;
            seed = c.seed;
            analyzer = c.analyzer;
            maxSentenceLength = c.maxSentenceLength;
            streams = c.streams;
            minn = c.minn;
            maxn = c.maxn;
            bucket = c.bucket;
        }

        Word2VecConfig build() {
            return new Word2VecConfig(architecture, hierarchicalSoftmax, negative, embeddingDim, window, minCount, maxVocabSize, sample, epochs, alpha, cbowMean, threads, seed, analyzer, maxSentenceLength, streams, minn, maxn, bucket);
        }
    }

    private Word2VecConfig with(Consumer<Fields> change) {
        Fields f = new Fields(this);
        change.accept(f);
        return f.build();
    }

    private static final Set<String> KEYS = Set.of("model", "hs", "negative", "dim", "window", "min-count",
            "max-vocab-size", "sample", "epochs", "alpha", "cbow-mean", "threads", "seed", "analyzer",
            "max-sentence-length", "streams", "minn", "maxn", "bucket");

    /**
     * @return the config as properties with the command line's keys, in a fixed order ({@code minn}, {@code maxn}
     *     and {@code bucket} only with subwords)
     */
    public Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("model", architecture == Architecture.CBOW ? "cbow" : "skipgram");
        p.put("hs", Boolean.toString(hierarchicalSoftmax));
        p.put("negative", Integer.toString(negative));
        p.put("dim", Integer.toString(embeddingDim));
        p.put("window", Integer.toString(window));
        p.put("min-count", Integer.toString(minCount));
        p.put("max-vocab-size", Integer.toString(maxVocabSize));
        p.put("sample", Double.toString(sample));
        p.put("epochs", Integer.toString(epochs));
        p.put("alpha", Double.isNaN(alpha) ? "auto" : Double.toString(alpha));
        p.put("cbow-mean", Boolean.toString(cbowMean));
        p.put("threads", Integer.toString(threads));
        p.put("seed", Long.toString(seed));
        p.put("analyzer", analyzer);
        p.put("max-sentence-length", Integer.toString(maxSentenceLength));
        p.put("streams", streams == 0 ? "auto" : Integer.toString(streams));
        if (subwords()) { // only then: the properties of plain word2vec stay as they were
            p.put("minn", Integer.toString(minn));
            p.put("maxn", Integer.toString(maxn));
            p.put("bucket", Integer.toString(bucket));
        }
        return p;
    }

    /**
     * Reads a config from properties written by {@link #toProperties()}; missing keys keep the defaults.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value (naming both)
     */
    public static Word2VecConfig fromProperties(Map<String, String> props) {
        Set<String> unknown = new TreeSet<>(props.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown word2vec config keys: " + unknown + " (known: "
                    + new TreeSet<>(KEYS) + ")");
        }
        Fields f = new Fields(defaults());
        for (Map.Entry<String, String> e : props.entrySet()) {
            String k = e.getKey();
            String v = e.getValue().trim();
            try {
                switch (k) {
                    case "model" -> f.architecture = switch (v.toLowerCase(Locale.ROOT)) {
                        case "cbow" -> Architecture.CBOW;
                        case "skipgram", "skip-gram", "sg" -> Architecture.SKIP_GRAM;
                        default -> throw new IllegalArgumentException("expected cbow or skipgram");
                    };
                    case "hs" -> f.hierarchicalSoftmax = parseBoolean(v);
                    case "negative" -> f.negative = Integer.parseInt(v);
                    case "dim" -> f.embeddingDim = Integer.parseInt(v);
                    case "window" -> f.window = Integer.parseInt(v);
                    case "min-count" -> f.minCount = Integer.parseInt(v);
                    case "max-vocab-size" -> f.maxVocabSize = Integer.parseInt(v);
                    case "sample" -> f.sample = Double.parseDouble(v);
                    case "epochs" -> f.epochs = Integer.parseInt(v);
                    case "alpha" -> f.alpha = v.equals("auto") ? Double.NaN : Double.parseDouble(v);
                    case "cbow-mean" -> f.cbowMean = parseBoolean(v);
                    case "threads" -> f.threads = Integer.parseInt(v);
                    case "seed" -> f.seed = Long.parseLong(v);
                    case "analyzer" -> f.analyzer = v;
                    case "max-sentence-length" -> f.maxSentenceLength = Integer.parseInt(v);
                    case "streams" -> f.streams = v.equals("auto") ? 0 : Integer.parseInt(v);
                    case "minn" -> f.minn = Integer.parseInt(v);
                    case "maxn" -> f.maxn = Integer.parseInt(v);
                    case "bucket" -> f.bucket = Integer.parseInt(v);
                    default -> throw new AssertionError(k);
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("word2vec config key " + k + ": bad value \"" + v + "\" ("
                        + ex.getMessage() + ")", ex);
            }
        }
        return f.build();
    }

    private static boolean parseBoolean(String v) {
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("expected true or false");
    }
}
