package dev.lexis.embeddings;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The word-vector file formats of word2vec (Mikolov et al. 2013) and fastText, read and written
 * byte-compatibly with the C tool, gensim and fastText.
 *
 * <ul>
 *   <li>Binary ({@code .bin}): an ASCII header {@code "V D\n"}, then per word its UTF-8 bytes, one space, D
 *       little-endian float32, and a newline (the C tool's layout; gensim 4 omits the newline, and the reader
 *       accepts both).</li>
 *   <li>Text ({@code .txt}; fastText {@code .vec} is the same): the header line {@code "V D"}, then one line
 *       per word: the word and D numbers separated by spaces.</li>
 * </ul>
 *
 * <p>Metadata (the training analyzer, config and provenance) lives in a sidecar properties file
 * {@code FILE.lexis.properties}, so the vectors file itself stays readable by the other tools. Writes go to a
 * temporary file in the same folder that is then renamed, so a crash never leaves half a file.
 *
 * <p>Errors name the file and the word index: a wrong header, a dimension mismatch, a truncated vector or
 * invalid UTF-8 in a word raise {@link VectorFileException}.
 */
public final class VectorFormats {

    /** File formats. */
    public enum Format {
        /** word2vec binary. */
        BINARY,
        /** word2vec text, also fastText {@code .vec}. */
        TEXT;

        /**
         * @param file a path
         * @return BINARY for a {@code .bin} name, else TEXT
         */
        public static Format fromFileName(Path file) {
            return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".bin") ? BINARY : TEXT;
        }
    }

    /** Suffix of the sidecar metadata file. */
    public static final String SIDECAR_SUFFIX = ".lexis.properties";

    private static final int MAX_WORD_BYTES = 1 << 16;

    private VectorFormats() {
    }

    /** @return the sidecar metadata path of a vectors file */
    public static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    }

    /**
     * Reads vectors.
     *
     * @param file   the file
     * @param format the format, or null to choose by extension ({@code .bin}, {@code .txt}, {@code .vec}) and
     *               else by content
     * @param limit  read at most this many words (the first ones), {@code >= 1}
     * @return the vectors with the sidecar's metadata
     * @throws VectorFileException for malformed content
     * @throws IOException         if reading fails
     */
    public static WordVectors read(Path file, Format format, int limit) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such vectors file");
        }
        Format f = format != null ? format : detect(file);
        Map<String, String> meta = readSidecar(file);
        WordVectors vectors;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteReader in = new ByteReader(ch, file);
            vectors = f == Format.BINARY ? readBinary(in, file, limit, meta) : readText(in, file, limit, meta);
        }
        Path sub = Subwords.fileFor(file);
        if (Files.isRegularFile(sub)) {
            Subwords model = Subwords.open(sub);
            if (model.dimension() != vectors.dimension()) {
                throw new VectorFileException(sub, "subword rows have dimension " + model.dimension() + ", but "
                        + file.getFileName() + " has " + vectors.dimension() + "; the files do not belong together");
            }
            vectors = vectors.withSubwords(model);
        }
        return vectors;
    }

    private static Format detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".bin")) {
            return Format.BINARY;
        }
        if (name.endsWith(".txt") || name.endsWith(".vec")) {
            return Format.TEXT;
        }
        // by content: text files have no control bytes other than whitespace in their first 4 KB
        byte[] head = new byte[4096];
        int n;
        try (var in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return Format.BINARY;
            }
        }
        return Format.TEXT;
    }

    private static Map<String, String> readSidecar(Path file) throws IOException {
        Path side = sidecarOf(file);
        Map<String, String> meta = new LinkedHashMap<>();
        if (Files.isRegularFile(side)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(side, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            new TreeMap<>(p).forEach((k, v) -> meta.put((String) k, (String) v));
        }
        return meta;
    }

    private static long[] readHeader(ByteReader in, Path file) throws IOException {
        String line = in.readAsciiLine(256);
        String[] parts = line == null ? new String[0] : line.trim().split("\\s+");
        if (parts.length != 2) {
            throw new VectorFileException(file, "wrong header: expected \"V D\" (vocabulary size and dimension),"
                    + " found \"" + (line == null ? "" : abbreviate(line)) + "\"");
        }
        try {
            long v = Long.parseLong(parts[0]);
            long d = Long.parseLong(parts[1]);
            if (v < 0 || d < 1 || v > Integer.MAX_VALUE || d > 1_000_000) {
                throw new NumberFormatException();
            }
            return new long[] {v, d};
        } catch (NumberFormatException e) {
            throw new VectorFileException(file, "wrong header: expected \"V D\" with V >= 0 and D >= 1, found \""
                    + abbreviate(line) + "\"");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static WordVectors readBinary(ByteReader in, Path file, int limit, Map<String, String> meta)
            throws IOException {
        long[] h = readHeader(in, file);
        int total = (int) h[0];
        int dim = (int) h[1];
        int n = Math.min(total, limit);
        if ((long) n * dim > Integer.MAX_VALUE - 16) {
            throw new VectorFileException(file, n + " x " + dim + " floats do not fit one Java array;"
                    + " load with a limit");
        }
        String[] words = new String[n];
        float[] matrix = new float[n * dim];
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < n; i++) {
            String w = in.readWord(file, i, total, dec);
            if (w == null) {
                throw new VectorFileException(file, "truncated before vector " + i + " of " + total
                        + "; the file is incomplete");
            }
            words[i] = w;
            if (!in.readFloats(matrix, i * dim, dim)) {
                throw new VectorFileException(file, "truncated in vector " + i + " of " + total + " (\"" + w
                        + "\"); the file is incomplete");
            }
        }
        return WordVectors.ofOwned(words, matrix, dim, meta);
    }

    private static WordVectors readText(ByteReader in, Path file, int limit, Map<String, String> meta)
            throws IOException {
        long[] h = readHeader(in, file);
        int total = (int) h[0];
        int dim = (int) h[1];
        int n = Math.min(total, limit);
        String[] words = new String[n];
        float[] matrix = new float[Math.multiplyExact(n, dim)];
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = 0; i < n; i++) {
            byte[] raw = in.readLineBytes();
            if (raw == null) {
                throw new VectorFileException(file, "truncated before vector " + i + " of " + total
                        + "; the file is incomplete");
            }
            String line;
            try {
                line = dec.decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                throw new VectorFileException(file, "invalid UTF-8 in word " + i + " of " + total + " (line "
                        + (i + 2) + ")");
            }
            String[] parts = line.trim().split("[ \t]+");
            if (parts.length != dim + 1) {
                String w = parts.length > 0 ? parts[0] : "";
                throw new VectorFileException(file, "dimension mismatch in vector " + i + " of " + total
                        + " (\"" + w + "\", line " + (i + 2) + "): " + (parts.length - 1)
                        + " numbers, expected " + dim + (parts.length - 1 < dim ? "; the file may be truncated" : ""));
            }
            words[i] = parts[0];
            for (int d = 0; d < dim; d++) {
                try {
                    matrix[i * dim + d] = Float.parseFloat(parts[d + 1]);
                } catch (NumberFormatException e) {
                    throw new VectorFileException(file, "not a number in vector " + i + " (\"" + parts[0]
                            + "\", line " + (i + 2) + "): \"" + abbreviate(parts[d + 1]) + "\"");
                }
            }
        }
        return WordVectors.ofOwned(words, matrix, dim, meta);
    }

    /**
     * Writes vectors atomically, their metadata to the sidecar file (removed when there is none), and their subword
     * model to {@code FILE.subwords} (removed when there is none).
     *
     * @throws IOException if writing fails (the target is then left as it was)
     */
    public static void write(WordVectors vectors, Path file, Format format) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (format == Format.BINARY) {
                    writeBinary(vectors, out);
                } else {
                    writeText(vectors, out);
                }
            }
            moveAtomically(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Path sub = Subwords.fileFor(file);
        if (vectors.subwords().isPresent()) {
            vectors.subwords().get().write(sub);
        } else {
            Files.deleteIfExists(sub);
        }
        Path side = sidecarOf(file);
        if (vectors.metadata().isEmpty()) {
            Files.deleteIfExists(side);
        } else {
            Path stmp = Files.createTempFile(dir, "." + side.getFileName(), ".tmp");
            try {
                Properties p = new Properties();
                p.putAll(vectors.metadata());
                try (Writer w = Files.newBufferedWriter(stmp, StandardCharsets.UTF_8)) {
                    p.store(w, "Lexis metadata of " + file.getFileName());
                }
                moveAtomically(stmp, side);
            } finally {
                Files.deleteIfExists(stmp);
            }
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            // temporary files are created owner-only; give the result the usual rw-r--r--
            Files.setPosixFilePermissions(from, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep the default permissions
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeBinary(WordVectors v, OutputStream out) throws IOException {
        int dim = v.dimension();
        float[] m = v.matrix();
        ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((v.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < v.size(); i++) {
            byte[] w = v.word(i).getBytes(StandardCharsets.UTF_8);
            if (buf.remaining() < w.length + 2 + 4 * dim) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
                if (buf.remaining() < w.length + 2 + 4 * dim) {
                    buf = ByteBuffer.allocate(w.length + 2 + 4 * dim).order(ByteOrder.LITTLE_ENDIAN);
                }
            }
            buf.put(w).put((byte) ' ');
            for (int d = 0; d < dim; d++) {
                buf.putFloat(m[i * dim + d]);
            }
            buf.put((byte) '\n');
        }
        out.write(buf.array(), 0, buf.position());
    }

    private static void writeText(WordVectors v, OutputStream out) throws IOException {
        int dim = v.dimension();
        float[] m = v.matrix();
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            w.write(v.size() + " " + dim + "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.size(); i++) {
                sb.setLength(0);
                sb.append(v.word(i));
                for (int d = 0; d < dim; d++) {
                    sb.append(' ').append(m[i * dim + d]);
                }
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    /** Buffered byte reader over a file channel, for fast parsing. */
    private static final class ByteReader {
        private final FileChannel ch;
        private final Path file;
        private ByteBuffer buf = ByteBuffer.allocate(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
        private boolean eof;

        ByteReader(FileChannel ch, Path file) {
            this.ch = ch;
            this.file = file;
            buf.flip();
        }

        /** Ensures at least n bytes are buffered; false at end of file. */
        private boolean fill(int n) throws IOException {
            if (buf.remaining() >= n) {
                return true;
            }
            if (buf.capacity() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Integer.highestOneBit(n) << 1).order(ByteOrder.LITTLE_ENDIAN);
                bigger.put(buf);
                bigger.flip();
                buf = bigger;
            }
            buf.compact();
            while (buf.position() < n && !eof) {
                if (ch.read(buf) < 0) {
                    eof = true;
                }
            }
            buf.flip();
            return buf.remaining() >= n;
        }

        String readAsciiLine(int max) throws IOException {
            StringBuilder sb = new StringBuilder();
            while (fill(1)) {
                byte b = buf.get();
                if (b == '\n') {
                    return sb.toString();
                }
                if (sb.length() >= max) {
                    return sb.toString();
                }
                sb.append((char) (b & 0xFF));
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        byte[] readLineBytes() throws IOException {
            if (!fill(1)) {
                return null;
            }
            int start = buf.position();
            int lim = buf.limit();
            for (int i = start; i < lim; i++) {
                if (buf.get(i) == '\n') {
                    byte[] out = new byte[i - start];
                    buf.get(out);
                    buf.get();
                    return out;
                }
            }
            // line longer than the buffered part
            java.io.ByteArrayOutputStream acc = new java.io.ByteArrayOutputStream();
            while (fill(1)) {
                byte b = buf.get();
                if (b == '\n') {
                    return acc.toByteArray();
                }
                acc.write(b);
            }
            return acc.toByteArray();
        }

        /** Reads a word up to a space (skipping leading newlines); null at a clean end of file. */
        String readWord(Path f, int index, int total, CharsetDecoder dec) throws IOException {
            while (fill(1) && (buf.get(buf.position()) == '\n' || buf.get(buf.position()) == '\r')) {
                buf.get();
            }
            if (!fill(1)) {
                return null;
            }
            int i = 0;
            while (true) {
                if (!fill(i + 1)) {
                    return null;
                }
                byte b = buf.get(buf.position() + i);
                if (b == ' ') {
                    break;
                }
                if (++i > MAX_WORD_BYTES) {
                    throw new VectorFileException(file, "word " + index + " of " + total + " is longer than "
                            + MAX_WORD_BYTES + " bytes; not a word2vec binary file?");
                }
            }
            int start = buf.position();
            boolean ascii = true;
            for (int j = 0; j < i; j++) {
                if (buf.get(start + j) < 0) {
                    ascii = false;
                    break;
                }
            }
            String w;
            if (ascii) {
                byte[] b = new byte[i];
                buf.get(b);
                w = new String(b, StandardCharsets.ISO_8859_1);
            } else {
                ByteBuffer slice = buf.slice(start, i);
                try {
                    CharBuffer cb = dec.reset().decode(slice);
                    w = cb.toString();
                } catch (CharacterCodingException e) {
                    throw new VectorFileException(f, "invalid UTF-8 in word " + index + " of " + total);
                }
                buf.position(start + i);
            }
            buf.get(); // the space
            if (w.isEmpty()) {
                throw new VectorFileException(f, "empty word " + index + " of " + total);
            }
            return w;
        }

        boolean readFloats(float[] out, int off, int n) throws IOException {
            if (!fill(4 * n)) {
                return false;
            }
            buf.asFloatBuffer().get(out, off, n);
            buf.position(buf.position() + 4 * n);
            return true;
        }
    }
}
