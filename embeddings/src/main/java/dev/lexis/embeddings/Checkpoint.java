package dev.lexis.embeddings;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The word2vec training state, saved after an epoch or inside one: magic {@code LXW2VCKP}, format version,
 * config properties, vocabulary with counts, epochs done, the weight matrices (rows padded to the stride), the
 * progress (corpus words done over all epochs, which sets the learning rate; the corpus's token count, to refuse
 * another corpus) and, inside an epoch, one record per worker (its byte position and end in the word-id cache,
 * random state, loss sums; since version 3 the positions and ends of all its streams, the stream being read and the
 * tokens read from it in its block), then a CRC32 of all that. Written to a temporary file and renamed, so a crash
 * while writing leaves the previous checkpoint intact. Version 1 files (epoch ends only) and version 2 files (one
 * stream per worker) are still read, with {@code streams} 1: training continues as it started.
 */
final class Checkpoint {

    private static final long MAGIC = 0x4C58573256434B50L; // "LXW2VCKP"
    private static final int VERSION = 3;

    private Checkpoint() {
    }

    /**
     * Where one worker stood inside an epoch.
     *
     * @param index     the worker's index (its random stream in later epochs)
     * @param positions per stream (byte range) of the worker: byte offset in the word-id cache of its next sentence
     * @param ends      per stream: the end of its byte range
     * @param current   the stream being read
     * @param inBlock   tokens read from the current stream since the worker switched to it
     * @param rng       its random state
     * @param loss      its loss sum so far in the epoch
     * @param lossN     the predictions in that sum
     */
    record Shard(int index, long[] positions, long[] ends, int current, long inBlock, long rng, double loss,
                 long lossN) {
        /** Checks the arrays (one entry per stream, at least one). */
        Shard {
            if (positions.length == 0 || positions.length != ends.length) {
                throw new IllegalArgumentException("worker " + index + ": " + positions.length + " stream positions, "
                        + ends.length + " ends");
            }
            if (current < 0 || current >= positions.length) {
                throw new IllegalArgumentException("worker " + index + ": current stream " + current + " of "
                        + positions.length);
            }
        }

        @Override
        public String toString() {
            return "Shard[index=" + index + ", positions=" + java.util.Arrays.toString(positions) + ", ends="
                    + java.util.Arrays.toString(ends) + ", current=" + current + ", inBlock=" + inBlock + "]";
        }
    }

    /**
     * Progress saved with the weights.
     *
     * @param wordsDone    corpus words done over all epochs (sets the learning rate)
     * @param corpusTokens tokens of the corpus (a resumed run checks it is the same corpus)
     * @param shards       empty at an epoch's end; inside an epoch, one per worker of that epoch
     */
    record Progress(long wordsDone, long corpusTokens, Shard[] shards) {
        boolean midEpoch() {
            return shards.length > 0;
        }
    }

    /** What a checkpoint holds. */
    record State(Word2VecConfig config, String[] words, long[] counts, int epochsDone, int stride, float[] syn0,
                 float[] syn1, float[] syn1neg, Progress progress) {

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

    static void write(Path file, Word2VecConfig config, Word2VecTrainer.Model m, int epochsDone, Progress progress)
            throws IOException {
        write(file, config, m, epochsDone, progress, VERSION);
    }

    /**
     * Writes format {@code version} (tests write version 2, the format before streams, to check it is still read:
     * one stream per worker, and no {@code streams} key in the config).
     */
    static void write(Path file, Word2VecConfig config, Word2VecTrainer.Model m, int epochsDone, Progress progress,
                      int version) throws IOException {
        if (version != 2 && version != VERSION) {
            throw new IllegalArgumentException("checkpoint version " + version + " cannot be written");
        }
        ChecksummedFile.write(file, out -> {
            out.writeLong(MAGIC);
            out.writeInt(version);
            Map<String, String> props = config.toProperties();
            if (version == 2) {
                props.remove("streams");
            }
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
            out.writeLong(progress.wordsDone());
            out.writeLong(progress.corpusTokens());
            out.writeInt(progress.shards().length);
            for (Shard sh : progress.shards()) {
                out.writeInt(sh.index());
                if (version == 2) {
                    if (sh.positions().length != 1) {
                        throw new IllegalArgumentException("checkpoint version 2 holds one stream per worker");
                    }
                    out.writeLong(sh.positions()[0]);
                    out.writeLong(sh.ends()[0]);
                    out.writeLong(sh.rng());
                    out.writeDouble(sh.loss());
                    out.writeLong(sh.lossN());
                    continue;
                }
                out.writeInt(sh.positions().length);
                for (int i = 0; i < sh.positions().length; i++) {
                    out.writeLong(sh.positions()[i]);
                    out.writeLong(sh.ends()[i]);
                }
                out.writeInt(sh.current());
                out.writeLong(sh.inBlock());
                out.writeLong(sh.rng());
                out.writeDouble(sh.loss());
                out.writeLong(sh.lossN());
            }
        });
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
            if (version < 1 || version > VERSION) {
                throw new IOException(file + ": checkpoint format version " + version + ", this Lexis reads 1 to "
                        + VERSION);
            }
            int np = in.readInt();
            Map<String, String> props = new LinkedHashMap<>();
            for (int i = 0; i < np; i++) {
                props.put(in.readUTF(), in.readUTF());
            }
            if (version < 3) {
                // written before streams existed: each worker read one contiguous range, and later epochs do too
                props.putIfAbsent("streams", "1");
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
            Progress progress = new Progress(-1, -1, new Shard[0]);
            if (version >= 2) {
                long wordsDone = in.readLong();
                long tokens = in.readLong();
                int ns = in.readInt();
                if (ns < 0 || ns > 1 << 16) {
                    throw new IOException(file + ": checkpoint damaged (" + ns + " worker records)");
                }
                Shard[] shards = new Shard[ns];
                for (int i = 0; i < ns; i++) {
                    int index = in.readInt();
                    if (version == 2) { // one stream per worker
                        long[] pos = {in.readLong()};
                        long[] end = {in.readLong()};
                        shards[i] = new Shard(index, pos, end, 0, 0, in.readLong(), in.readDouble(), in.readLong());
                        continue;
                    }
                    int k = in.readInt();
                    if (k < 1 || k > 1 << 16) {
                        throw new IOException(file + ": checkpoint damaged (worker " + index + " has " + k
                                + " streams)");
                    }
                    long[] pos = new long[k];
                    long[] end = new long[k];
                    for (int j = 0; j < k; j++) {
                        pos[j] = in.readLong();
                        end[j] = in.readLong();
                    }
                    int current = in.readInt();
                    long inBlock = in.readLong();
                    if (current < 0 || current >= k) {
                        throw new IOException(file + ": checkpoint damaged (worker " + index + ": current stream "
                                + current + " of " + k + ")");
                    }
                    shards[i] = new Shard(index, pos, end, current, inBlock, in.readLong(), in.readDouble(),
                            in.readLong());
                }
                progress = new Progress(wordsDone, tokens, shards);
            }
            long expected = crc.getValue();
            long stored = in.readLong();
            if (stored != expected) {
                throw new IOException(file + ": checkpoint checksum mismatch; the file is damaged");
            }
            return new State(config, words, counts, epochs, stride, syn0, syn1, syn1neg, progress);
        } catch (EOFException e) {
            throw new IOException(file + ": checkpoint truncated; the file is incomplete", e);
        }
    }
}
