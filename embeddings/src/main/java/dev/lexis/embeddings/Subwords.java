package dev.lexis.embeddings;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The subword part of fastText-style word vectors (Bojanowski et al. 2017, "Enriching Word Vectors with Subword
 * Information"): the character n-grams of a word, hashed into {@code bucket} rows, and the trained rows of the
 * n-grams that the training vocabulary contains. With them, {@link #compose} gives a vector to a word the corpus
 * never had, as the mean of its n-grams' rows.
 *
 * <p><b>N-grams, as fastText.</b> The word is wrapped in {@code <} and {@code >}; its n-grams are all runs of
 * {@code minn} to {@code maxn} characters (Unicode code points; fastText counts UTF-8 lead bytes, the same thing),
 * except the lone {@code <} and {@code >} when {@code minn} is 1; the wrapped word itself is one of them when it
 * is short enough. For "where" and n = 3: {@code <wh, whe, her, ere, re>} (the paper's example). Each n-gram is
 * hashed with 32-bit FNV-1a over its UTF-8 bytes, as fastText's {@code Dictionary::hash} does it: each byte
 * sign-extended before the xor (so bytes of non-ASCII characters hash as fastText hashes them), and its row is
 * the hash modulo {@code bucket} (unsigned).
 *
 * <p><b>Known n-grams only.</b> Training touches only the rows of n-grams that occur in vocabulary words; this
 * model keeps those rows ({@link #knownRows()}) and composes a word from its known n-grams only. fastText also
 * averages in the never-trained rows (its random initial values); leaving them out removes that noise. A word none
 * of whose n-grams is known has no vector.
 *
 * <p><b>The file</b> {@code FILE.subwords} beside a vectors file ({@link #fileFor}): magic {@code LXSUBWRD},
 * format version, dimension, minn, maxn, bucket, the number K of known rows, their K bucket numbers (ascending),
 * K × dimension little-endian float32, and a CRC32 of all that. Written to a temporary file and renamed; a
 * truncated, damaged or foreign file is refused with a message naming it.
 *
 * <p>Immutable and thread-safe once built; {@link #open} reads the header and checks the size at once, the rows at
 * the first {@link #compose} (so loading vectors that carry a large subword file stays quick).
 */
public final class Subwords {

    /** Suffix of the subword file beside a vectors file. */
    public static final String SUFFIX = ".subwords";
    /** The largest {@code maxn} accepted. */
    public static final int MAX_N = 64;

    private static final long MAGIC = 0x4C58535542575244L; // "LXSUBWRD"
    private static final int VERSION = 1;
    private static final int HEADER_BYTES = 8 + 4 * 6;

    private final int dim;
    private final int minn;
    private final int maxn;
    private final int bucket;
    private final int[] buckets;   // known bucket numbers, ascending
    private final Path file;       // the file the rows are read from lazily, or null when they are in memory
    private volatile Rows rows;

    /** The rows of the known n-grams: row r at offset + r * stride in matrix (dim floats of it). */
    private record Rows(float[] matrix, int offset, int stride) {
    }

    private Subwords(int dim, int minn, int maxn, int bucket, int[] buckets, Path file, Rows rows) {
        this.dim = dim;
        this.minn = minn;
        this.maxn = maxn;
        this.bucket = bucket;
        this.buckets = buckets;
        this.file = file;
        this.rows = rows;
    }

    /**
     * Wraps trained rows (not copied): row {@code r} of bucket {@code buckets[r]} is at
     * {@code matrix[offset + r * stride ..+ dim]}.
     *
     * @throws IllegalArgumentException if the n-gram lengths, bucket or shapes are invalid, or the buckets are not
     *                                  ascending and below {@code bucket}
     */
    static Subwords ofRows(int dim, int minn, int maxn, int bucket, int[] buckets, float[] matrix, int offset,
                           int stride) {
        checkParams(dim, minn, maxn, bucket);
        checkBuckets(buckets, bucket);
        if (stride < dim || (long) offset + (long) buckets.length * stride > matrix.length + (long) (stride - dim)) {
            throw new IllegalArgumentException("subword matrix of " + matrix.length + " floats is too small for "
                    + buckets.length + " rows of stride " + stride + " from " + offset);
        }
        return new Subwords(dim, minn, maxn, bucket, buckets, null, new Rows(matrix, offset, stride));
    }

    private static void checkParams(int dim, int minn, int maxn, int bucket) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be > 0, got " + dim);
        }
        if (minn < 1 || maxn < minn || maxn > MAX_N) {
            throw new IllegalArgumentException("need 1 <= minn <= maxn <= " + MAX_N + ", got minn " + minn
                    + ", maxn " + maxn);
        }
        if (bucket < 1) {
            throw new IllegalArgumentException("bucket must be > 0, got " + bucket);
        }
    }

    private static void checkBuckets(int[] buckets, int bucket) {
        for (int i = 0; i < buckets.length; i++) {
            if (buckets[i] < 0 || buckets[i] >= bucket || (i > 0 && buckets[i] <= buckets[i - 1])) {
                throw new IllegalArgumentException("known buckets must be ascending in [0, " + bucket + "), got "
                        + buckets[i] + " at " + i);
            }
        }
    }

    /** @return the vector dimension */
    public int dimension() {
        return dim;
    }

    /** @return the shortest n-gram length */
    public int minn() {
        return minn;
    }

    /** @return the longest n-gram length */
    public int maxn() {
        return maxn;
    }

    /** @return the number of hash buckets */
    public int bucket() {
        return bucket;
    }

    /** @return how many buckets have trained rows (the n-grams of the training vocabulary) */
    public int knownRows() {
        return buckets.length;
    }

    /** @return the subword file beside a vectors file: {@code FILE.subwords} */
    public static Path fileFor(Path vectorsFile) {
        return vectorsFile.resolveSibling(vectorsFile.getFileName() + SUFFIX);
    }

    /**
     * fastText's 32-bit FNV-1a hash of a string's UTF-8 bytes (offset basis 2166136261, prime 16777619), each byte
     * sign-extended to 32 bits before the xor as fastText's {@code Dictionary::hash} does.
     *
     * @return the hash as an unsigned 32-bit value in an int
     */
    public static int hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return hash(b, 0, b.length);
    }

    /** {@link #hash(String)} of {@code bytes[from .. to)}. */
    static int hash(byte[] bytes, int from, int to) {
        int h = 0x811C9DC5; // 2166136261
        for (int i = from; i < to; i++) {
            h ^= bytes[i];  // the byte sign-extended, like fastText's uint32_t(int8_t(c))
            h *= 0x01000193; // 16777619
        }
        return h;
    }

    /**
     * The character n-grams of {@code word} (wrapped in {@code <} and {@code >}) of lengths minn to maxn, in
     * fastText's order: by start position, then by length.
     *
     * @throws IllegalArgumentException unless {@code 1 <= minn <= maxn}
     */
    public static List<String> ngrams(String word, int minn, int maxn) {
        if (minn < 1 || maxn < minn) {
            throw new IllegalArgumentException("need 1 <= minn <= maxn, got minn " + minn + ", maxn " + maxn);
        }
        String w = "<" + word + ">";
        int[] cps = w.codePoints().toArray();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < cps.length; i++) {
            for (int n = 1; n <= maxn && i + n <= cps.length; n++) {
                if (n >= minn && !(n == 1 && (i == 0 || i + n == cps.length))) {
                    out.add(new String(cps, i, n));
                }
            }
        }
        return out;
    }

    /**
     * The bucket of each n-gram of {@link #ngrams}: {@code hash(ngram) mod bucket}, unsigned; an n-gram that
     * occurs twice in the word is counted twice, as in fastText.
     */
    public static int[] bucketsOf(String word, int minn, int maxn, int bucket) {
        if (bucket < 1) {
            throw new IllegalArgumentException("bucket must be > 0, got " + bucket);
        }
        List<String> grams = ngrams(word, minn, maxn);
        int[] out = new int[grams.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) (Integer.toUnsignedLong(hash(grams.get(i))) % bucket);
        }
        return out;
    }

    /** @return the known row of bucket {@code b}, or -1 */
    int rowOf(int b) {
        int r = Arrays.binarySearch(buckets, b);
        return r < 0 ? -1 : r;
    }

    /** @return whether at least one n-gram of {@code word} is known (so {@link #compose} succeeds) */
    public boolean canCompose(String word) {
        for (int b : bucketsOf(word, minn, maxn, bucket)) {
            if (rowOf(b) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Composes a vector for a word: the mean of the rows of its known n-grams (see the class comment).
     *
     * @param word the word (as in the training corpus; no normalization here)
     * @param out  receives {@link #dimension()} floats at 0
     * @return false, leaving {@code out} as it was, when no n-gram of the word is known
     * @throws java.io.UncheckedIOException if the rows have to be read and the file is unreadable or damaged
     */
    public boolean compose(String word, float[] out) {
        if (out.length < dim) {
            throw new IllegalArgumentException("output has " + out.length + " floats, need " + dim);
        }
        Rows m = rows();
        double[] acc = new double[dim];
        int count = 0;
        for (int b : bucketsOf(word, minn, maxn, bucket)) {
            int r = rowOf(b);
            if (r < 0) {
                continue;
            }
            int off = m.offset + r * m.stride;
            for (int d = 0; d < dim; d++) {
                acc[d] += m.matrix[off + d];
            }
            count++;
        }
        if (count == 0) {
            return false;
        }
        for (int d = 0; d < dim; d++) {
            out[d] = (float) (acc[d] / count);
        }
        return true;
    }

    private Rows rows() {
        Rows r = rows;
        if (r == null) {
            synchronized (this) {
                r = rows;
                if (r == null) {
                    try {
                        r = new Rows(readRows(file, dim, buckets.length), 0, dim);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e.getMessage(), e);
                    }
                    rows = r;
                }
            }
        }
        return r;
    }

    /**
     * Writes this model to {@code file} atomically (a temporary file in the same folder, then a rename).
     *
     * @throws IOException if writing fails (the target is then left as it was)
     */
    public void write(Path file) throws IOException {
        Rows m = rows();
        ChecksummedFile.write(file, out -> {
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(dim);
            out.writeInt(minn);
            out.writeInt(maxn);
            out.writeInt(bucket);
            out.writeInt(buckets.length);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (int b : buckets) {
                if (buf.remaining() < 4) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putInt(b);
            }
            for (int r = 0; r < buckets.length; r++) {
                int off = m.offset + r * m.stride;
                for (int d = 0; d < dim; d++) {
                    if (buf.remaining() < 4) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(m.matrix[off + d]);
                }
            }
            out.write(buf.array(), 0, buf.position());
        });
    }

    private static long expectedSize(int k, int dim) {
        return HEADER_BYTES + 4L * k + 4L * k * dim + 8;
    }

    /**
     * Opens a subword file: reads and checks its header and size now, its rows at the first {@link #compose}
     * (checked against the CRC then).
     *
     * @throws IOException for a missing, foreign, truncated or inconsistent file (the message names it)
     */
    public static Subwords open(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            long size = Files.size(file);
            if (size < HEADER_BYTES) {
                throw new IOException(file + ": subword file truncated (" + size + " bytes, the header alone has "
                        + HEADER_BYTES + "); the file is incomplete");
            }
            if (in.readLong() != MAGIC) {
                throw new IOException(file + ": not a Lexis subword file (wrong magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + ": subword file format version " + version + ", this Lexis reads "
                        + VERSION);
            }
            int dim = in.readInt();
            int minn = in.readInt();
            int maxn = in.readInt();
            int bucket = in.readInt();
            int k = in.readInt();
            try {
                checkParams(dim, minn, maxn, bucket);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": subword file damaged (" + e.getMessage() + ")", e);
            }
            if (k < 0 || k > bucket) {
                throw new IOException(file + ": subword file damaged (" + k + " rows for " + bucket + " buckets)");
            }
            long expected = expectedSize(k, dim);
            if (size != expected) {
                throw new IOException(file + ": subword file " + (size < expected ? "truncated" : "too long") + " ("
                        + size + " bytes, expected " + expected + " for " + k + " rows x " + dim + ")"
                        + (size < expected ? "; the file is incomplete" : ""));
            }
            int[] buckets = new int[k];
            for (int i = 0; i < k; i++) {
                buckets[i] = Integer.reverseBytes(in.readInt());
            }
            try {
                checkBuckets(buckets, bucket);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": subword file damaged (" + e.getMessage() + ")", e);
            }
            return new Subwords(dim, minn, maxn, bucket, buckets, file, null);
        } catch (EOFException e) {
            throw new IOException(file + ": subword file truncated; the file is incomplete", e);
        }
    }

    private static float[] readRows(Path file, int dim, int k) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream raw = Files.newInputStream(file);
             CheckedInputStream ci = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc);
             DataInputStream in = new DataInputStream(ci)) {
            in.readFully(new byte[HEADER_BYTES + 4 * k]);
            float[] m = new float[Math.multiplyExact(k, dim)];
            byte[] buf = new byte[1 << 16];
            for (int i = 0; i < m.length; ) {
                int n = Math.min(m.length - i, buf.length / 4);
                in.readFully(buf, 0, n * 4);
                ByteBuffer.wrap(buf, 0, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(m, i, n);
                i += n;
            }
            long expected = crc.getValue();
            if (in.readLong() != expected) {
                throw new IOException(file + ": subword file checksum mismatch; the file is damaged");
            }
            return m;
        } catch (EOFException e) {
            throw new IOException(file + ": subword file truncated; the file is incomplete", e);
        }
    }

    @Override
    public String toString() {
        return "Subwords[minn=" + minn + ", maxn=" + maxn + ", bucket=" + bucket + ", " + buckets.length
                + " known rows x " + dim + "]";
    }
}
