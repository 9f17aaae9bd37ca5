package dev.lexis.embeddings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * The word2vec training state saved after an epoch: magic {@code LXW2VCKP}, format version, config properties,
 * vocabulary with counts, epochs done, the weight matrices (rows padded to the stride), and a CRC32 of all
 * that. Written to a temporary file and renamed.
 */
final class Checkpoint {

    private static final long MAGIC = 0x4C58573256434B50L; // "LXW2VCKP"
    private static final int VERSION = 1;

    private Checkpoint() {
    }

    /** What a checkpoint holds. */
    record State(Word2VecConfig config, String[] words, long[] counts, int epochsDone, int stride, float[] syn0,
                 float[] syn1, float[] syn1neg) {

        void copyInto(Word2VecTrainer.Model m) {
            copy(syn0, m.syn0, m.stride);
            copy(syn1, m.syn1, m.stride);
            copy(syn1neg, m.syn1neg, m.stride);
        }

        private void copy(float[] from, float[] to, int toStride) {
            if (from == null || to == null) {
                return;
            }
            int dim = config.embeddingDim();
            int rows = from.length / stride;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(from, r * stride, to, r * toStride, dim);
            }
        }
    }

    static void write(Path file, Word2VecConfig config, Word2VecTrainer.Model m, int epochsDone) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            CRC32 crc = new CRC32();
            try (OutputStream raw = Files.newOutputStream(tmp);
                 CheckedOutputStream co = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc);
                 DataOutputStream out = new DataOutputStream(co)) {
                out.writeLong(MAGIC);
                out.writeInt(VERSION);
                Map<String, String> props = config.toProperties();
                out.writeInt(props.size());
                for (Map.Entry<String, String> e : props.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeUTF(e.getValue());
                }
                out.writeInt(m.vocabSize);
                for (int i = 0; i < m.vocabSize; i++) {
                    out.writeUTF(m.words[i]);
                    out.writeLong(m.counts[i]);
                }
                out.writeInt(epochsDone);
                out.writeInt(m.stride);
                writeFloats(out, m.syn0);
                writeFloats(out, m.syn1);
                writeFloats(out, m.syn1neg);
                out.flush();
                long sum = crc.getValue();
                out.writeLong(sum);
            }
            VectorFormats.moveAtomically(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        if (a == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(a.length);
        ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < a.length; ) {
            b.clear();
            int n = Math.min(a.length - i, b.capacity() / 4);
            b.asFloatBuffer().put(a, i, n);
            out.write(b.array(), 0, n * 4);
            i += n;
        }
    }

    private static float[] readFloats(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        float[] a = new float[n];
        byte[] buf = new byte[1 << 16];
        for (int i = 0; i < n; ) {
            int m = Math.min(n - i, buf.length / 4);
            in.readFully(buf, 0, m * 4);
            ByteBuffer.wrap(buf, 0, m * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(a, i, m);
            i += m;
        }
        return a;
    }

    static State read(Path file) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream raw = Files.newInputStream(file);
             CheckedInputStream ci = new CheckedInputStream(new BufferedInputStream(raw, 1 << 16), crc);
             DataInputStream in = new DataInputStream(ci)) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + ": not a Lexis word2vec checkpoint (wrong magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + ": checkpoint format version " + version + ", this Lexis reads "
                        + VERSION);
            }
            int np = in.readInt();
            Map<String, String> props = new LinkedHashMap<>();
            for (int i = 0; i < np; i++) {
                props.put(in.readUTF(), in.readUTF());
            }
            Word2VecConfig config = Word2VecConfig.fromProperties(props);
            int v = in.readInt();
            String[] words = new String[v];
            long[] counts = new long[v];
            for (int i = 0; i < v; i++) {
                words[i] = in.readUTF();
                counts[i] = in.readLong();
            }
            int epochs = in.readInt();
            int stride = in.readInt();
            float[] syn0 = readFloats(in, file);
            float[] syn1 = readFloats(in, file);
            float[] syn1neg = readFloats(in, file);
            long expected = crc.getValue();
            long stored = in.readLong();
            if (stored != expected) {
                throw new IOException(file + ": checkpoint checksum mismatch; the file is damaged");
            }
            return new State(config, words, counts, epochs, stride, syn0, syn1, syn1neg);
        } catch (EOFException e) {
            throw new IOException(file + ": checkpoint truncated; the file is incomplete", e);
        }
    }
}
