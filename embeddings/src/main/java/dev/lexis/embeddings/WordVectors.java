package dev.lexis.embeddings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.function.UnaryOperator;

/**
 * Word vectors: a vocabulary of {@code size()} words (usually by decreasing frequency, as word2vec writes them)
 * and a {@code size() × dimension()} matrix, with the queries of Mikolov et al. 2013: vector of a word, nearest
 * words by cosine similarity, analogies (3CosAdd; and 3CosMul, Levy &amp; Goldberg 2014), similarity and
 * odd-one-out.
 *
 * <p>Immutable and thread-safe. The matrix is kept once, as given (row {@code i} at {@code i * dimension()}),
 * with the inverse norm of each row, so a nearest-neighbour scan is one dot product and one multiply per word
 * (exact search; a top-k heap; several threads for vocabularies above 50,000 words). Zero vectors have
 * similarity 0 to everything.
 *
 * <p>Words are looked up exactly; when the vectors carry the analyzer they were trained with
 * ({@link #analyzer()}, stored in the sidecar file {@code FILE.lexis.properties} beside the vectors), a word
 * not found as given is looked up again after that analyzer's normalization. Unknown words give
 * {@link Optional#empty()} or an {@link UnknownWordException} naming the word.
 *
 * <p>Files: {@link #save(Path)} / {@link #load(Path)} in the word2vec binary ({@code .bin}) or text
 * ({@code .txt}, {@code .vec}) formats, byte-compatible with the C tool, gensim and fastText; see
 * {@link VectorFormats}.
 *
 * <p><b>Subwords.</b> Vectors trained with character n-grams (fastText-style, Bojanowski et al. 2017; see
 * {@link Word2VecConfig#subwords()}) carry a {@link Subwords} model, saved beside the vectors file as
 * {@code FILE.subwords} and picked up by {@link #load(Path)} when present. The file keeps the vocabulary's
 * (composed) vectors, readable by every other tool; with the subword model, {@link #vector(String)},
 * {@link #nearest(String, int)} and {@link #similarity(String, String)} also answer for words outside the
 * vocabulary, with a vector composed from their known n-grams ({@link #isComposed(String)} tells which).
 */
public final class WordVectors {

    private static final int PARALLEL_THRESHOLD = 50_000;
    /** From this many words on, {@code nearest} scans 8-bit rows first and rescores the best in float. */
    static final int QUANTIZED_THRESHOLD = 20_000;
    private static final int RESCORE_EXTRA = 64;

    private final String[] words;
    private final float[] matrix;
    private final int dim;
    private final float[] invNorms;
    private final WordIndex index;
    private final Map<String, String> metadata;
    private final UnaryOperator<String> normalizer;
    private volatile QuantizedRows quantized; // built at the first large nearest() query
    private final Subwords subwords;          // null: no subword model

    private WordVectors(String[] words, float[] matrix, int dim, Map<String, String> metadata,
                        UnaryOperator<String> normalizer, float[] invNorms, WordIndex index, Subwords subwords) {
        this.subwords = subwords;
        this.words = words;
        this.matrix = matrix;
        this.dim = dim;
        this.metadata = metadata;
        this.normalizer = normalizer;
        this.invNorms = invNorms != null ? invNorms : computeInvNorms(matrix, words.length, dim);
        this.index = index != null ? index : new WordIndex(words);
    }

    /**
     * Wraps words and their vectors (the arrays are copied).
     *
     * @param words  distinct words, most frequent first
     * @param matrix {@code words.size() × dim} floats, row-major
     * @param dim    the dimension, {@code > 0}
     * @return the vectors, with no metadata
     * @throws IllegalArgumentException if the sizes disagree, a word repeats or is empty
     */
    public static WordVectors of(List<String> words, float[] matrix, int dim) {
        return of(words, matrix, dim, Map.of());
    }

    /**
     * Like {@link #of(List, float[], int)}, with metadata stored beside the vectors ({@code analyzer}: the
     * analyzer spec applied to queries; other keys record provenance such as the training config).
     */
    public static WordVectors of(List<String> words, float[] matrix, int dim, Map<String, String> metadata) {
        String[] w = words.toArray(new String[0]);
        checkShape(w, matrix, dim);
        return ofOwned(w, matrix.clone(), dim, metadata);
    }

    /** Takes ownership of the arrays (no copy); package-private for the trainer and the readers. */
    static WordVectors ofOwned(String[] words, float[] matrix, int dim, Map<String, String> metadata) {
        checkShape(words, matrix, dim);
        Map<String, String> meta = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        return new WordVectors(words, matrix, dim, meta, Analyzers.normalizerFor(meta.get("analyzer")), null, null,
                null);
    }

    /**
     * These vectors with a subword model that composes vectors for words outside the vocabulary (the vocabulary's
     * rows stay as they are).
     *
     * @param model the n-gram rows, of this dimension
     * @return a copy sharing this one's rows
     * @throws IllegalArgumentException if the dimensions differ
     */
    public WordVectors withSubwords(Subwords model) {
        Objects.requireNonNull(model, "model");
        if (model.dimension() != dim) {
            throw new IllegalArgumentException("subword model has dimension " + model.dimension() + ", the vectors "
                    + dim);
        }
        return new WordVectors(words, matrix, dim, metadata, normalizer, invNorms, index, model);
    }

    /** @return the subword model that composes vectors for unknown words, if these vectors have one */
    public Optional<Subwords> subwords() {
        return Optional.ofNullable(subwords);
    }

    /**
     * @return whether {@code word} is outside the vocabulary but gets a vector composed from its character n-grams
     *     (false for a vocabulary word, and for any word without a subword model)
     */
    public boolean isComposed(String word) {
        return subwords != null && indexOf(word).isEmpty() && subwords.canCompose(subwordForm(word));
    }

    /** The form of an unknown word whose n-grams are looked up: the analyzer's normalization, if any. */
    private String subwordForm(String word) {
        String norm = normalizer.apply(word);
        return norm != null && !norm.isEmpty() ? norm : word;
    }

    /** A vocabulary word's row, or a composed vector; else an UnknownWordException. */
    private float[] requireVector(String word) {
        OptionalInt i = indexOf(word);
        if (i.isPresent()) {
            return row(i.getAsInt());
        }
        float[] v = new float[dim];
        if (subwords != null && subwords.compose(subwordForm(word), v)) {
            return v;
        }
        throw unknown(word);
    }

    private UnknownWordException unknown(String word) {
        return subwords == null ? new UnknownWordException(word, words.length)
                : new UnknownWordException(word, words.length, true);
    }

    private static void checkShape(String[] words, float[] matrix, int dim) {
        if (dim <= 0) {
            throw new IllegalArgumentException("dim must be > 0, got " + dim);
        }
        if ((long) words.length * dim != matrix.length) {
            throw new IllegalArgumentException("matrix has " + matrix.length + " floats, expected "
                    + words.length + " words x " + dim);
        }
        for (int i = 0; i < words.length; i++) {
            if (words[i] == null || words[i].isEmpty()) {
                throw new IllegalArgumentException("word " + i + " is empty");
            }
        }
    }

    /**
     * Loads a vectors file (format from the extension: {@code .bin} binary, {@code .txt}/{@code .vec} text;
     * otherwise detected from the content), with its sidecar metadata and its subword model {@code FILE.subwords}
     * if present (its header is checked now, its rows are read at the first composed word).
     *
     * @throws VectorFileException for a malformed file (naming the file and word index)
     * @throws IOException         if the file cannot be read
     */
    public static WordVectors load(Path file) throws IOException {
        return VectorFormats.read(file, null, Integer.MAX_VALUE);
    }

    /** Like {@link #load(Path)}, reading only the first {@code limit} words (the most frequent ones). */
    public static WordVectors load(Path file, int limit) throws IOException {
        return VectorFormats.read(file, null, limit);
    }

    /**
     * Saves atomically (temporary file, then rename) in the format named by the extension ({@code .bin}
     * binary, anything else text), writes the metadata to the sidecar {@code FILE.lexis.properties}, and the
     * subword model, if any, to {@code FILE.subwords} (an old one is removed otherwise).
     */
    public void save(Path file) throws IOException {
        VectorFormats.write(this, file, VectorFormats.Format.fromFileName(file));
    }

    /** Saves in the given format (see {@link #save(Path)}). */
    public void save(Path file, VectorFormats.Format format) throws IOException {
        VectorFormats.write(this, file, format);
    }

    /** @return the number of words */
    public int size() {
        return words.length;
    }

    /** @return the vector dimension */
    public int dimension() {
        return dim;
    }

    /** @return the words, in file order (usually most frequent first); unmodifiable */
    public List<String> words() {
        return Collections.unmodifiableList(Arrays.asList(words));
    }

    /** @return the word at row {@code i} */
    public String word(int i) {
        Objects.checkIndex(i, words.length);
        return words[i];
    }

    /** @return metadata stored with the vectors (analyzer, training config, provenance); unmodifiable */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return the analyzer spec used in training, applied to query words, if recorded */
    public Optional<String> analyzer() {
        return Optional.ofNullable(metadata.get("analyzer"));
    }

    /** @return whether the word (or its analyzed form) is in the vocabulary */
    public boolean contains(String word) {
        return indexOf(word).isPresent();
    }

    /** @return the row of the word (looked up as given, then analyzed), or empty */
    public OptionalInt indexOf(String word) {
        int i = index.get(word);
        if (i < 0) {
            String norm = normalizer.apply(word);
            if (norm != null && !norm.equals(word)) {
                i = index.get(norm);
            }
        }
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }

    private int require(String word) {
        OptionalInt i = indexOf(word);
        if (i.isEmpty()) {
            throw new UnknownWordException(word, words.length);
        }
        return i.getAsInt();
    }

    /**
     * The vector of a word: a copy of its row; for a word outside the vocabulary, with a subword model, the mean of
     * the rows of its known character n-grams (of its analyzed form when an analyzer is recorded).
     *
     * @return the vector ({@link #dimension()} floats), or empty if the word is unknown and cannot be composed
     */
    public Optional<float[]> vector(String word) {
        OptionalInt i = indexOf(word);
        if (i.isPresent()) {
            return Optional.of(row(i.getAsInt()));
        }
        if (subwords == null) {
            return Optional.empty();
        }
        float[] v = new float[dim];
        return subwords.compose(subwordForm(word), v) ? Optional.of(v) : Optional.empty();
    }

    /** @return a copy of row {@code i} */
    public float[] row(int i) {
        Objects.checkIndex(i, words.length);
        return Arrays.copyOfRange(matrix, i * dim, (i + 1) * dim);
    }

    /**
     * Copies row {@code i} into {@code out} at {@code offset} (no allocation).
     *
     * @throws IndexOutOfBoundsException if the row or the destination range is out of bounds
     */
    public void copyRow(int i, float[] out, int offset) {
        Objects.checkIndex(i, words.length);
        System.arraycopy(matrix, i * dim, out, offset, dim);
    }

    /**
     * Cosine similarity of two words (a word outside the vocabulary composed from its n-grams when these vectors
     * have a subword model).
     *
     * @throws UnknownWordException naming the first unknown word
     */
    public double similarity(String a, String b) {
        if (subwords != null && (indexOf(a).isEmpty() || indexOf(b).isEmpty())) {
            float[] va = requireVector(a);
            float[] vb = requireVector(b);
            double na = VecMath.dot(va, 0, va, 0, dim);
            double nb = VecMath.dot(vb, 0, vb, 0, dim);
            return na > 0 && nb > 0 ? VecMath.dot(va, 0, vb, 0, dim) / Math.sqrt(na * nb) : 0;
        }
        int i = require(a);
        int j = require(b);
        return VecMath.dot(matrix, i * dim, matrix, j * dim, dim) * (double) invNorms[i] * invNorms[j];
    }

    /**
     * The {@code k} words nearest to {@code word} by cosine similarity, best first, without the word itself (for a
     * word outside the vocabulary: nearest to its composed vector, when these vectors have a subword model).
     *
     * @throws UnknownWordException if the word is unknown (and cannot be composed)
     */
    public List<Neighbor> nearest(String word, int k) {
        OptionalInt at = indexOf(word);
        if (at.isEmpty()) {
            return nearest(requireVector(word), k, Set.of());
        }
        int i = at.getAsInt();
        float[] q = unit(i);
        return nearest(q, k, Set.of(words[i]));
    }

    /** The {@code k} words nearest to a vector of length {@code dimension()}, best first. */
    public List<Neighbor> nearest(float[] vector, int k) {
        return nearest(vector, k, Set.of());
    }

    /**
     * The {@code k} words nearest to a vector, best first, skipping the words in {@code exclude}.
     *
     * @throws IllegalArgumentException if the vector length is not {@code dimension()} or {@code k < 0}
     */
    public List<Neighbor> nearest(float[] vector, int k, Collection<String> exclude) {
        if (vector.length != dim) {
            throw new IllegalArgumentException("query vector has dimension " + vector.length + ", expected " + dim);
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be >= 0, got " + k);
        }
        float[] q = vector.clone();
        double n = Math.sqrt(VecMath.dot(q, 0, q, 0, dim));
        if (n > 0) {
            for (int d = 0; d < dim; d++) {
                q[d] = (float) (q[d] / n);
            }
        }
        int[] skip = exclude.stream().mapToInt(index::get).filter(x -> x >= 0).toArray();
        TopK top = words.length >= QUANTIZED_THRESHOLD && k + skip.length + RESCORE_EXTRA < words.length
                ? quantizedScan(q, k + skip.length) : scan(q, k + skip.length, 0, words.length);
        List<Neighbor> out = new ArrayList<>(k);
        for (int r : top.sortedIndices()) {
            if (contains(skip, r)) {
                continue;
            }
            if (out.size() == k) {
                break;
            }
            out.add(new Neighbor(words[r], top.scoreOf(r)));
        }
        return out;
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    /**
     * Top k by exact cosine, found by scanning the 8-bit rows for k + 64 candidates, rescoring them in float,
     * and checking with the quantization error bound that no row outside could do better (else a float scan).
     */
    private TopK quantizedScan(float[] q, int k) {
        QuantizedRows qr = quantized;
        if (qr == null) {
            synchronized (this) {
                qr = quantized;
                if (qr == null) {
                    qr = new QuantizedRows(matrix, invNorms, words.length, dim);
                    quantized = qr;
                }
            }
        }
        float[] qp = java.util.Arrays.copyOf(q, qr.stride);
        int pool = k + RESCORE_EXTRA;
        TopK approx = words.length >= PARALLEL_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1
                ? ForkJoinPool.commonPool().invoke(new QuantizedTask(qr, qp, pool, 0, words.length))
                : quantizedRange(qr, qp, pool, 0, words.length);
        TopK exact = new TopK(k);
        float lowestApprox = Float.POSITIVE_INFINITY;
        for (int i = 0; i < approx.size; i++) {
            int r = approx.rows[i];
            lowestApprox = Math.min(lowestApprox, approx.scores[i]);
            exact.offer(r, VecMath.dot(q, 0, matrix, r * dim, dim) * invNorms[r]);
        }
        float eps = qr.errorBound(qp);
        // a row outside the pool scores at most lowestApprox + eps exactly; the k-th found must beat that
        if (exact.size == k && approx.size == pool && exact.scores[0] > lowestApprox + eps) {
            return exact;
        }
        return scan(q, k, 0, words.length);
    }

    private static TopK quantizedRange(QuantizedRows qr, float[] qp, int k, int from, int to) {
        TopK top = new TopK(k);
        float[] four = new float[4];
        int r = from;
        for (; r + 3 < to; r += 4) {
            qr.score4(qp, r, four);
            top.offer(r, four[0]);
            top.offer(r + 1, four[1]);
            top.offer(r + 2, four[2]);
            top.offer(r + 3, four[3]);
        }
        for (; r < to; r++) {
            top.offer(r, qr.score(qp, r));
        }
        return top;
    }

    private static final class QuantizedTask extends RecursiveTask<TopK> {
        private static final long serialVersionUID = 1L;
        private final transient QuantizedRows qr;
        private final float[] qp;
        private final int k;
        private final int from;
        private final int to;

        QuantizedTask(QuantizedRows qr, float[] qp, int k, int from, int to) {
            this.qr = qr;
            this.qp = qp;
            this.k = k;
            this.from = from;
            this.to = to;
        }

        @Override
        protected TopK compute() {
            if (to - from < PARALLEL_THRESHOLD / 2) {
                return quantizedRange(qr, qp, k, from, to);
            }
            int mid = (from + to) >>> 1;
            QuantizedTask left = new QuantizedTask(qr, qp, k, from, mid);
            left.fork();
            TopK right = new QuantizedTask(qr, qp, k, mid, to).compute();
            TopK l = left.join();
            l.merge(right);
            return l;
        }
    }

    private TopK scan(float[] q, int k, int from, int to) {
        if (to - from >= PARALLEL_THRESHOLD && Runtime.getRuntime().availableProcessors() > 1) {
            return ForkJoinPool.commonPool().invoke(new ScanTask(q, k, from, to));
        }
        TopK top = new TopK(k);
        for (int r = from; r < to; r++) {
            float s = VecMath.dot(q, 0, matrix, r * dim, dim) * invNorms[r];
            top.offer(r, s);
        }
        return top;
    }

    private final class ScanTask extends RecursiveTask<TopK> {
        private static final long serialVersionUID = 1L;
        private final float[] q;
        private final int k;
        private final int from;
        private final int to;

        ScanTask(float[] q, int k, int from, int to) {
            this.q = q;
            this.k = k;
            this.from = from;
            this.to = to;
        }

        @Override
        protected TopK compute() {
            if (to - from < PARALLEL_THRESHOLD / 2) {
                TopK top = new TopK(k);
                for (int r = from; r < to; r++) {
                    top.offer(r, VecMath.dot(q, 0, matrix, r * dim, dim) * invNorms[r]);
                }
                return top;
            }
            int mid = (from + to) >>> 1;
            ScanTask left = new ScanTask(q, k, from, mid);
            left.fork();
            TopK right = new ScanTask(q, k, mid, to).compute();
            TopK l = left.join();
            l.merge(right);
            return l;
        }
    }

    /**
     * Analogy a : b :: c : ? by 3CosAdd (Mikolov et al. 2013): the words nearest to
     * {@code unit(b) - unit(a) + unit(c)}, without a, b and c.
     *
     * @throws UnknownWordException naming the first unknown word
     */
    public List<Neighbor> analogy(String a, String b, String c, int k) {
        int ia = require(a);
        int ib = require(b);
        int ic = require(c);
        float[] ua = unit(ia);
        float[] ub = unit(ib);
        float[] uc = unit(ic);
        float[] t = new float[dim];
        for (int d = 0; d < dim; d++) {
            t[d] = ub[d] - ua[d] + uc[d];
        }
        return nearest(t, k, List.of(words[ia], words[ib], words[ic]));
    }

    /**
     * Analogy a : b :: c : ? by 3CosMul (Levy &amp; Goldberg 2014): argmax over x of
     * {@code cos'(x, b) · cos'(x, c) / (cos'(x, a) + 0.001)} with {@code cos' = (cos + 1) / 2}, without a, b
     * and c. The score in each {@link Neighbor} is that objective.
     *
     * @throws UnknownWordException naming the first unknown word
     */
    public List<Neighbor> analogyMul(String a, String b, String c, int k) {
        int ia = require(a);
        int ib = require(b);
        int ic = require(c);
        float[] ua = unit(ia);
        float[] ub = unit(ib);
        float[] uc = unit(ic);
        TopK top = new TopK(k + 3);
        for (int r = 0; r < words.length; r++) {
            int off = r * dim;
            float inv = invNorms[r];
            double ca = (VecMath.dot(ua, 0, matrix, off, dim) * inv + 1) / 2;
            double cb = (VecMath.dot(ub, 0, matrix, off, dim) * inv + 1) / 2;
            double cc = (VecMath.dot(uc, 0, matrix, off, dim) * inv + 1) / 2;
            top.offer(r, (float) (cb * cc / (ca + 1e-3)));
        }
        List<Neighbor> out = new ArrayList<>(k);
        for (int r : top.sortedIndices()) {
            if (r == ia || r == ib || r == ic) {
                continue;
            }
            if (out.size() == k) {
                break;
            }
            out.add(new Neighbor(words[r], top.scoreOf(r)));
        }
        return out;
    }

    /**
     * The word that fits least with the others: the one with the lowest cosine similarity to the mean of the
     * unit vectors (as gensim's {@code doesnt_match}).
     *
     * @throws IllegalArgumentException if fewer than 2 words are given
     * @throws UnknownWordException     naming the first unknown word
     */
    public String oddOneOut(List<String> candidates) {
        if (candidates.size() < 2) {
            throw new IllegalArgumentException("odd-one-out needs at least 2 words, got " + candidates.size());
        }
        int[] rows = candidates.stream().mapToInt(this::require).toArray();
        float[] mean = new float[dim];
        for (int r : rows) {
            float[] u = unit(r);
            for (int d = 0; d < dim; d++) {
                mean[d] += u[d] / rows.length;
            }
        }
        int worst = 0;
        double worstScore = Double.POSITIVE_INFINITY;
        for (int j = 0; j < rows.length; j++) {
            double s = VecMath.dot(mean, 0, matrix, rows[j] * dim, dim) * invNorms[rows[j]];
            if (s < worstScore) {
                worstScore = s;
                worst = j;
            }
        }
        return candidates.get(worst);
    }

    /**
     * The first {@code n} words (the most frequent ones when the vectors are in word2vec's order), e.g. the
     * 30,000 of the C tool's compute-accuracy. Returns this when {@code n >= size()}.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public WordVectors restrict(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("restrict size must be >= 1, got " + n);
        }
        if (n >= words.length) {
            return this;
        }
        return new WordVectors(Arrays.copyOf(words, n), Arrays.copyOf(matrix, n * dim), dim, metadata,
                normalizer, Arrays.copyOf(invNorms, n), null, subwords);
    }

    /** 1 / the Euclidean norm of row {@code i} (0 for a zero row). */
    float invNorm(int i) {
        return invNorms[i];
    }

    /** @return the unit-length copy of row {@code i} (zeros for a zero row) */
    float[] unit(int i) {
        float[] u = row(i);
        float inv = invNorms[i];
        for (int d = 0; d < dim; d++) {
            u[d] *= inv;
        }
        return u;
    }

    /** The backing matrix (not copied): for the writers in this package only. */
    float[] matrix() {
        return matrix;
    }

    private static float[] computeInvNorms(float[] matrix, int n, int dim) {
        float[] inv = new float[n];
        for (int i = 0; i < n; i++) {
            double s = VecMath.dot(matrix, i * dim, matrix, i * dim, dim);
            inv[i] = s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
        }
        return inv;
    }

    @Override
    public String toString() {
        return "WordVectors[" + words.length + " words x " + dim + "]";
    }

    /** Open-addressing hash from word to row: two int arrays, no boxing (1M words ~ 8 MB). */
    static final class WordIndex {
        private final String[] words;
        private final int[] slots; // row + 1, 0 = empty
        private final int mask;

        WordIndex(String[] words) {
            this.words = words;
            int cap = Integer.highestOneBit(Math.max(4, words.length * 2 - 1)) << 1;
            slots = new int[cap];
            mask = cap - 1;
            for (int i = 0; i < words.length; i++) {
                int h = mix(words[i].hashCode()) & mask;
                while (slots[h] != 0) {
                    if (words[slots[h] - 1].equals(words[i])) {
                        throw new IllegalArgumentException("word \"" + words[i] + "\" appears twice (rows "
                                + (slots[h] - 1) + " and " + i + ")");
                    }
                    h = (h + 1) & mask;
                }
                slots[h] = i + 1;
            }
        }

        int get(String word) {
            int h = mix(word.hashCode()) & mask;
            while (true) {
                int s = slots[h];
                if (s == 0) {
                    return -1;
                }
                if (words[s - 1].equals(word)) {
                    return s - 1;
                }
                h = (h + 1) & mask;
            }
        }

        private static int mix(int h) {
            return h ^ (h >>> 16) * 0x45d9f3b;
        }
    }

    /** Bounded min-heap of (row, score); ties broken by lower row first. */
    static final class TopK {
        private final int k;
        final int[] rows;
        final float[] scores;
        int size;

        TopK(int k) {
            this.k = k;
            this.rows = new int[Math.max(1, k)];
            this.scores = new float[Math.max(1, k)];
        }

        void offer(int row, float score) {
            if (k == 0 || !(score == score)) {
                return;
            }
            if (size < k) {
                int i = size++;
                rows[i] = row;
                scores[i] = score;
                siftUp(i);
            } else if (worse(rows[0], scores[0], row, score)) {
                rows[0] = row;
                scores[0] = score;
                siftDown(0);
            }
        }

        /** @return true if (r1, s1) ranks below (r2, s2) */
        private static boolean worse(int r1, float s1, int r2, float s2) {
            return s1 < s2 || (s1 == s2 && r1 > r2);
        }

        private void siftUp(int i) {
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (worse(rows[i], scores[i], rows[p], scores[p])) {
                    swap(i, p);
                    i = p;
                } else {
                    return;
                }
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int r = l + 1;
                int m = i;
                if (l < size && worse(rows[l], scores[l], rows[m], scores[m])) {
                    m = l;
                }
                if (r < size && worse(rows[r], scores[r], rows[m], scores[m])) {
                    m = r;
                }
                if (m == i) {
                    return;
                }
                swap(i, m);
                i = m;
            }
        }

        private void swap(int a, int b) {
            int tr = rows[a];
            rows[a] = rows[b];
            rows[b] = tr;
            float ts = scores[a];
            scores[a] = scores[b];
            scores[b] = ts;
        }

        void merge(TopK other) {
            for (int i = 0; i < other.size; i++) {
                offer(other.rows[i], other.scores[i]);
            }
        }

        int[] sortedIndices() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> worse(rows[a], scores[a], rows[b], scores[b]) ? 1
                    : worse(rows[b], scores[b], rows[a], scores[a]) ? -1 : 0);
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = rows[order[i]];
            }
            return out;
        }

        float scoreOf(int row) {
            for (int i = 0; i < size; i++) {
                if (rows[i] == row) {
                    return scores[i];
                }
            }
            throw new IllegalStateException("row " + row + " not in top-k");
        }
    }
}
