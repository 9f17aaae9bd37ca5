package dev.lexis.classify;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * Word vectors read from a word2vec file (text or binary format, as written by word2vec.c, gensim, fastText's
 * {@code .vec} and Lexis's embeddings module) to initialise a TextCNN. Only the words a filter accepts are
 * kept in memory. Immutable.
 */
public final class PretrainedVectors {
    private final Path source;
    private final int dim;
    private final Map<String, Integer> index;
    private final float[] values;

    private PretrainedVectors(Path source, int dim, Map<String, Integer> index, float[] values) {
        this.source = source;
        this.dim = dim;
        this.index = index;
        this.values = values;
    }

    /**
     * Reads {@code file}: the binary format when the name ends in {@code .bin}, else the text format;
     * {@code .gz} files are decompressed.
     *
     * @param keep which words to keep (e.g. those of the training vocabulary); others are skipped
     * @throws IOException naming the file and the line or vector that is malformed or truncated
     */
    public static PretrainedVectors read(Path file, Predicate<String> keep) throws IOException {
        boolean binary = file.getFileName().toString().endsWith(".bin");
        try (InputStream raw = open(file)) {
            DataInputStream in = new DataInputStream(raw);
            String header = readToken(in, '\n');
            String[] parts = header.strip().split("\\s+");
            int count;
            int dim;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                count = Integer.parseInt(parts[0]);
                dim = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException(file + ":1: expected a word2vec header \"<words> <dimension>\", got \""
                        + abbreviate(header) + "\"");
            }
            if (count < 0 || dim <= 0) {
                throw new IOException(file + ":1: bad word2vec header \"" + header.strip() + "\"");
            }
            Map<String, Integer> index = new HashMap<>();
            List<float[]> kept = new ArrayList<>();
            byte[] buf = new byte[4 * dim];
            ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
            for (int v = 0; v < count; v++) {
                if (binary) {
                    String word;
                    try {
                        word = readToken(in, ' ').strip();
                        in.readFully(buf);
                    } catch (EOFException e) {
                        throw new IOException(file + ": truncated in vector " + (v + 1) + " of " + count
                                + "; the file is incomplete", e);
                    }
                    if (keep.test(word) && !index.containsKey(word)) {
                        float[] vec = new float[dim];
                        bb.rewind();
                        bb.asFloatBuffer().get(vec);
                        index.put(word, kept.size());
                        kept.add(vec);
                    }
                } else {
                    String line;
                    try {
                        line = readToken(in, '\n');
                    } catch (EOFException e) {
                        throw new IOException(file + ": truncated at vector " + (v + 1) + " of " + count
                                + "; the file is incomplete", e);
                    }
                    String[] f = line.strip().split(" ");
                    if (f.length != dim + 1) {
                        throw new IOException(file + ":" + (v + 2) + ": expected a word and " + dim + " numbers, found "
                                + (f.length - 1) + " numbers");
                    }
                    if (keep.test(f[0]) && !index.containsKey(f[0])) {
                        float[] vec = new float[dim];
                        try {
                            for (int d = 0; d < dim; d++) {
                                vec[d] = Float.parseFloat(f[d + 1]);
                            }
                        } catch (NumberFormatException e) {
                            throw new IOException(file + ":" + (v + 2) + ": not a number in the vector of \"" + f[0] + "\"");
                        }
                        index.put(f[0], kept.size());
                        kept.add(vec);
                    }
                }
            }
            float[] values = new float[kept.size() * dim];
            for (int i = 0; i < kept.size(); i++) {
                System.arraycopy(kept.get(i), 0, values, i * dim, dim);
            }
            return new PretrainedVectors(file, dim, index, values);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new BufferedInputStream(new GZIPInputStream(in), 1 << 16) : in;
    }

    private static String readToken(DataInputStream in, char end) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (bytes.size() == 0) {
                    throw new EOFException();
                }
                break;
            }
            if (b == end) {
                if (end == ' ' && bytes.size() == 0) {
                    continue;
                }
                break;
            }
            if (end == ' ' && b == '\n' && bytes.size() == 0) {
                continue;                       // word2vec.c writes a newline after each binary vector
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** The file the vectors came from. */
    public Path source() {
        return source;
    }

    /** The vector dimension. */
    public int dim() {
        return dim;
    }

    /** The number of words kept. */
    public int size() {
        return index.size();
    }

    /** Whether {@code word} has a vector. */
    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** The words kept, in file order. */
    public List<String> words() {
        String[] words = new String[index.size()];
        index.forEach((w, i) -> words[i] = w);
        return List.of(words);
    }

    /** A copy of the vector of {@code word}, if it has one. */
    public Optional<float[]> vector(String word) {
        Integer i = index.get(word);
        if (i == null) {
            return Optional.empty();
        }
        float[] v = new float[dim];
        System.arraycopy(values, i * dim, v, 0, dim);
        return Optional.of(v);
    }

    /** Copies the vector of {@code word} to {@code out[off …]}; false (and nothing copied) if it has none. */
    boolean copyTo(String word, float[] out, int off) {
        Integer i = index.get(word);
        if (i == null) {
            return false;
        }
        System.arraycopy(values, i * dim, out, off, dim);
        return true;
    }

    /** The variance of all vector components (Kim sizes the random init of unknown words to match it). */
    double variance() {
        if (values.length == 0) {
            return 0;
        }
        double sum = 0;
        double sq = 0;
        for (float v : values) {
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / values.length;
        return sq / values.length - mean * mean;
    }
}
