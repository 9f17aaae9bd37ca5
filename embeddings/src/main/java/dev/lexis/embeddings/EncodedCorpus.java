package dev.lexis.embeddings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The corpus read once, tokenized on whitespace and cached as a compact stream of word ids in a temporary file
 * (LEB128 varints: 1 to 3 bytes a token; 0 ends a sentence), so that the epochs read ids instead of text.
 * The corpus itself is streamed and never held in memory; the cache is read back in blocks, from byte ranges that
 * start at sentence boundaries (one or more per training thread, read in turn by {@link Streams}).
 *
 * <p>Ids in the cache are "raw" ids in order of first appearance; {@link #words()} and {@link #counts()}
 * describe them. The trainer maps them to its vocabulary (by frequency, min-count) with an int array.
 *
 * <p>Tokens are split on the ASCII whitespace bytes (space, tab, CR, LF, FF, VT), the {@code whitespace}
 * analyzer; a line is a sentence. A line longer than {@link #MAX_RAW_SENTENCE} tokens is split so that shards
 * can start inside it. Words are checked to be valid UTF-8 (the error names the file and line).
 */
final class EncodedCorpus implements AutoCloseable {

    /** A line is cut after this many tokens in the cache (the trainer cuts sentences further, at 1,000 kept words). */
    static final int MAX_RAW_SENTENCE = 10_000;
    private static final int SYNC_EVERY = 1 << 16;

    private final Path cache;
    private final FileChannel channel;
    private final long bytes;
    private final long[] syncOffsets;
    private final long[] syncTokens;
    private final long tokens;
    private final String[] words;
    private final long[] counts;
    private final List<Path> files;

    private EncodedCorpus(Path cache, FileChannel channel, long bytes, long[] syncOffsets, long[] syncTokens,
                          long tokens, String[] words, long[] counts, List<Path> files) {
        this.cache = cache;
        this.channel = channel;
        this.bytes = bytes;
        this.syncOffsets = syncOffsets;
        this.syncTokens = syncTokens;
        this.tokens = tokens;
        this.words = words;
        this.counts = counts;
        this.files = files;
    }

    /** @return the regular files of a path: the file itself, or every file under a folder (sorted, recursive) */
    static List<Path> filesOf(Path input) throws IOException {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new NoSuchFileException(input.toString(), null, "no such corpus file or folder");
        }
        try (Stream<Path> s = Files.walk(input)) {
            List<Path> out = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
            if (out.isEmpty()) {
                throw new IOException(input + ": the corpus folder has no files");
            }
            return out;
        }
    }

    /**
     * Reads and encodes the corpus.
     *
     * @param input    a text file ({@code .gz} is decompressed), or a folder of them
     * @param tempDir  folder for the cache file (deleted on {@link #close()})
     */
    static EncodedCorpus encode(Path input, Path tempDir) throws IOException {
        return encode(filesOf(input), tempDir);
    }

    /**
     * Reads the corpus through a tokenizer (any analyzer spec): each line's tokens are written, separated by
     * spaces, to a temporary file that is then encoded as above and deleted.
     */
    static EncodedCorpus encode(Path input, Path tempDir, dev.lexis.tokenize.Tokenizer tokenizer) throws IOException {
        List<Path> files = filesOf(input);
        Path tokens = Files.createTempFile(tempDir, "lexis-w2v-tokens-", ".txt");
        try {
            try (java.io.Writer w = Files.newBufferedWriter(tokens, StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                for (Path f : files) {
                    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                    try (java.io.BufferedReader r = new java.io.BufferedReader(
                            new java.io.InputStreamReader(open(f), dec), 1 << 16)) {
                        String line;
                        int lineNo = 0;
                        while (true) {
                            try {
                                line = r.readLine();
                            } catch (CharacterCodingException e) {
                                throw new IOException(f + ":" + (lineNo + 1) + ": not valid UTF-8", e);
                            }
                            if (line == null) {
                                break;
                            }
                            lineNo++;
                            sb.setLength(0);
                            tokenizer.forEach(line, t -> {
                                if (sb.length() > 0) {
                                    sb.append(' ');
                                }
                                sb.append(t);
                            });
                            if (sb.length() > 0) {
                                w.append(sb).append('\n');
                            }
                        }
                    }
                }
            }
            EncodedCorpus enc = encode(List.of(tokens), tempDir);
            return new EncodedCorpus(enc.cache, enc.channel, enc.bytes, enc.syncOffsets, enc.syncTokens, enc.tokens,
                    enc.words, enc.counts, files);
        } finally {
            Files.deleteIfExists(tokens);
        }
    }

    private static EncodedCorpus encode(List<Path> files, Path tempDir) throws IOException {
        Path cache = Files.createTempFile(tempDir, "lexis-w2v-", ".ids");
        FileChannel ch = FileChannel.open(cache, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        try {
            Encoder enc = new Encoder(ch);
            for (int f = 0; f < files.size(); f++) {
                enc.fileIndex = f;
                try (InputStream in = open(files.get(f))) {
                    enc.consume(in);
                }
                enc.endSentence();
            }
            enc.flush();
            String[] words = enc.table.decodeWords(files);
            long[] counts = Arrays.copyOf(enc.table.counts, enc.table.size);
            return new EncodedCorpus(cache, ch, enc.written, enc.syncOffsets(), enc.syncTokens(), enc.tokens, words,
                    counts, files);
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(cache);
            throw e;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    /** @return the total number of tokens read */
    long tokens() {
        return tokens;
    }

    /** @return distinct words by raw id */
    String[] words() {
        return words;
    }

    /** @return count of each raw id */
    long[] counts() {
        return counts;
    }

    /** @return the corpus files read */
    List<Path> files() {
        return files;
    }

    /**
     * Splits the cache into at most {@code n} byte ranges at sentence boundaries, balanced by tokens.
     *
     * @return {@code [start, end)} pairs, flattened: {@code ranges[2i], ranges[2i+1]}
     */
    long[] shards(int n) {
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        int s = 0;
        for (int i = 1; i < n; i++) {
            long target = tokens * i / n;
            while (s < syncTokens.length && syncTokens[s] < target) {
                s++;
            }
            if (s < syncOffsets.length && syncOffsets[s] > cuts.get(cuts.size() - 1) && syncOffsets[s] < bytes) {
                cuts.add(syncOffsets[s]);
            }
        }
        cuts.add(bytes);
        long[] out = new long[2 * (cuts.size() - 1)];
        for (int i = 0; i + 1 < cuts.size(); i++) {
            out[2 * i] = cuts.get(i);
            out[2 * i + 1] = cuts.get(i + 1);
        }
        return out;
    }

    /**
     * A reader that interleaves several byte ranges of the cache (one thread's streams), switching to the next
     * range at the first sentence end after {@code block} tokens of the current one; see {@link Streams}.
     *
     * @param positions where each range's reading starts (a sentence boundary)
     * @param ends      each range's end
     * @param current   the range read first
     * @param inBlock   tokens already read from {@code current} in its block (0 at an epoch's start)
     * @param block     tokens of a range read before switching to the next (at a sentence end), &gt; 0
     */
    Streams streams(long[] positions, long[] ends, int current, long inBlock, long block) {
        return new Streams(positions, ends, current, inBlock, block);
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(cache);
    }

    /** Decodes varint ids from a byte range; {@link #next()} returns raw id + 1, 0 at a sentence end, -1 at the end. */
    final class Reader {
        // the read position in buf (written for every token) and the end of the data in it, in an array padded on
        // both sides so that they share no cache line with another training thread's data
        private static final int PAD = 16;
        private static final int AT = PAD;
        private static final int LIM = PAD + 1;
        private final int[] st = new int[2 * PAD + 2];
        private final long end;
        private long pos;
        private final byte[] buf;
        private final ByteBuffer bb;

        Reader(long start, long end, int bufferBytes) {
            this.pos = start;
            this.end = end;
            this.buf = new byte[bufferBytes];
            this.bb = ByteBuffer.wrap(buf);
        }

        /** @return the byte offset in the cache of the next id to be read */
        long position() {
            return pos - (st[LIM] - st[AT]);
        }

        /** @return the end of this reader's byte range */
        long end() {
            return end;
        }

        /** @return raw id + 1, 0 for a sentence end, -1 at the end of the range */
        int next() {
            int[] s = st;
            int at = s[AT];
            if (s[LIM] - at < 4) {
                if (!refill()) {
                    return -1;
                }
                at = s[AT];
            }
            int b = buf[at++];
            if (b >= 0) {
                s[AT] = at;
                return b;
            }
            int v = b & 0x7F;
            int shift = 7;
            while (true) {
                b = buf[at++];
                v |= (b & 0x7F) << shift;
                if (b >= 0) {
                    s[AT] = at;
                    return v;
                }
                shift += 7;
            }
        }

        private boolean refill() {
            int at = st[AT];
            int lim = st[LIM];
            int left = lim - at;
            if (left > 0) {
                System.arraycopy(buf, at, buf, 0, left);
            }
            st[AT] = 0;
            lim = left;
            st[LIM] = lim;
            long remaining = end - pos;
            if (remaining <= 0) {
                return lim > 0;
            }
            int want = (int) Math.min(buf.length - lim, remaining);
            bb.clear().position(lim).limit(lim + want);
            try {
                while (bb.hasRemaining()) {
                    int r = channel.read(bb, pos);
                    if (r < 0) {
                        throw new IOException(cache + ": word-id cache truncated");
                    }
                    pos += r;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lim += want;
            st[LIM] = lim;
            return lim > 0;
        }
    }

    /**
     * Several byte ranges of the cache read by one thread in turn: {@link #next()} returns the current range's ids
     * and, at the first sentence end after {@code block} tokens of it, moves on to the next range that is not
     * finished (round robin), so that the thread's stream of sentences mixes distant parts of the corpus in blocks
     * of a few dozen lines. A sentence is never split, and every token of every range is read exactly once.
     * With one range it reads that range as {@link Reader} does.
     */
    final class Streams {
        private static final int PAD = 16;
        private static final int COUNT = PAD;
        private final Reader[] readers;
        private final boolean[] done;
        private final long block;
        private final long[] st = new long[2 * PAD + 1]; // the tokens read in the current block, padded
        private int current;
        private int live;
        private Reader cur;

        Streams(long[] positions, long[] ends, int current, long inBlock, long block) {
            if (positions.length == 0 || positions.length != ends.length) {
                throw new IllegalArgumentException("streams: " + positions.length + " positions, " + ends.length
                        + " ends");
            }
            if (block < 1) {
                throw new IllegalArgumentException("streams: block must be >= 1 token, got " + block);
            }
            int k = positions.length;
            int bufBytes = Math.max(1 << 14, (1 << 20) / k); // about 1 MB a thread in all, as one Reader
            readers = new Reader[k];
            done = new boolean[k];
            for (int i = 0; i < k; i++) {
                readers[i] = new Reader(positions[i], ends[i], bufBytes);
                done[i] = positions[i] >= ends[i];
                if (!done[i]) {
                    live++;
                }
            }
            this.block = block;
            this.current = Math.floorMod(current, k);
            st[COUNT] = inBlock;
            if (live > 0 && done[this.current]) {
                st[COUNT] = 0;
                advance();
            }
            cur = readers[this.current];
        }

        /** @return raw id + 1, 0 for a sentence end, -1 when every range is finished */
        int next() {
            int v = cur.next();
            if (v > 0) {
                st[COUNT]++;
                return v;
            }
            if (v < 0) {
                // the end of a range is a sentence end: go on with the next range, if any
                if (!done[current]) {
                    done[current] = true;
                    live--;
                }
                if (live == 0) {
                    return -1;
                }
                st[COUNT] = 0;
                advance();
                cur = readers[current];
                return 0;
            }
            if (st[COUNT] >= block && live > 1) {
                st[COUNT] = 0;
                advance();
                cur = readers[current];
            }
            return 0;
        }

        private void advance() {
            int k = readers.length;
            for (int i = 1; i <= k; i++) {
                int c = (current + i) % k;
                if (!done[c]) {
                    current = c;
                    return;
                }
            }
        }

        /** @return the number of ranges */
        int count() {
            return readers.length;
        }

        /** @return each range's byte offset of the next id to be read (at a sentence boundary between sentences) */
        long[] positions() {
            long[] p = new long[readers.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = readers[i].position();
            }
            return p;
        }

        /** @return each range's end */
        long[] ends() {
            long[] e = new long[readers.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = readers[i].end();
            }
            return e;
        }

        /** @return the range being read */
        int current() {
            return current;
        }

        /** @return the tokens read from the current range in its block */
        long inBlock() {
            return st[COUNT];
        }
    }

    /** Tokenizes bytes, counts words and writes the id stream. */
    private static final class Encoder {
        private static final boolean[] SPACE = new boolean[256];

        static {
            for (char c : new char[] {' ', '\t', '\n', '\r', '\f', 0x0B}) {
                SPACE[c] = true;
            }
        }

        final ByteTable table = new ByteTable();
        private final FileChannel out;
        private final ByteBuffer ob = ByteBuffer.allocate(1 << 20);
        long written;
        long tokens;
        int fileIndex;
        private int line = 1;
        private int sentenceTokens;
        private long lastSyncTokens;
        private long[] syncOff = new long[64];
        private long[] syncTok = new long[64];
        private int syncCount;
        private byte[] carry = new byte[256];
        private int carryLen;

        Encoder(FileChannel out) {
            this.out = out;
            addSync();
        }

        void consume(InputStream in) throws IOException {
            byte[] b = new byte[1 << 20];
            line = 1;
            int n;
            while ((n = in.readNBytes(b, 0, b.length)) > 0) {
                if (carryLen > 0) {
                    // continue the token cut by the previous block
                    int i = 0;
                    while (i < n && !SPACE[b[i] & 0xFF]) {
                        i++;
                    }
                    appendCarry(b, 0, i);
                    if (i == n) {
                        continue;
                    }
                    token(carry, 0, carryLen);
                    carryLen = 0;
                    scan(b, i, n);
                } else {
                    scan(b, 0, n);
                }
            }
            if (carryLen > 0) {
                token(carry, 0, carryLen);
                carryLen = 0;
            }
        }

        private void scan(byte[] b, int from, int n) throws IOException {
            int i = from;
            while (i < n) {
                int c = b[i] & 0xFF;
                if (SPACE[c]) {
                    if (c == '\n') {
                        endSentence();
                        line++;
                    }
                    i++;
                    continue;
                }
                int s = i;
                while (i < n && !SPACE[b[i] & 0xFF]) {
                    i++;
                }
                if (i == n) {
                    appendCarry(b, s, i - s);
                    return;
                }
                token(b, s, i - s);
            }
        }

        private void appendCarry(byte[] b, int off, int len) {
            if (carryLen + len > carry.length) {
                carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carryLen + len));
            }
            System.arraycopy(b, off, carry, carryLen, len);
            carryLen += len;
        }

        private void token(byte[] b, int off, int len) throws IOException {
            int id = table.add(b, off, len, fileIndex, line);
            writeVarint(id + 1);
            tokens++;
            if (++sentenceTokens >= MAX_RAW_SENTENCE) {
                endSentence();
            }
        }

        void endSentence() throws IOException {
            if (sentenceTokens == 0) {
                return;
            }
            sentenceTokens = 0;
            writeVarint(0);
            if (tokens - lastSyncTokens >= SYNC_EVERY) {
                addSync();
            }
        }

        private void addSync() {
            if (syncCount == syncOff.length) {
                syncOff = Arrays.copyOf(syncOff, syncCount * 2);
                syncTok = Arrays.copyOf(syncTok, syncCount * 2);
            }
            syncOff[syncCount] = written + ob.position();
            syncTok[syncCount] = tokens;
            syncCount++;
            lastSyncTokens = tokens;
        }

        private void writeVarint(int v) throws IOException {
            if (ob.remaining() < 5) {
                flush();
            }
            while ((v & ~0x7F) != 0) {
                ob.put((byte) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            ob.put((byte) v);
        }

        void flush() throws IOException {
            ob.flip();
            while (ob.hasRemaining()) {
                written += out.write(ob, written);
            }
            ob.clear();
        }

        long[] syncOffsets() {
            return Arrays.copyOf(syncOff, syncCount);
        }

        long[] syncTokens() {
            return Arrays.copyOf(syncTok, syncCount);
        }
    }

    /** Open-addressing hash table of byte strings: id by first appearance, counts, first file and line. */
    static final class ByteTable {
        private byte[] arena = new byte[1 << 20];
        private int arenaLen;
        private int[] offsets = new int[1 << 14];
        private int[] lengths = new int[1 << 14];
        private int[] hashes = new int[1 << 14];
        long[] counts = new long[1 << 14];
        private int[] firstFile = new int[1 << 14];
        private int[] firstLine = new int[1 << 14];
        int size;
        private int[] slots = new int[1 << 15];
        private int mask = slots.length - 1;

        int add(byte[] b, int off, int len, int file, int line) {
            int h = 0x811C9DC5;
            for (int i = 0; i < len; i++) {
                h = (h ^ b[off + i]) * 0x01000193;
            }
            h ^= h >>> 15;
            int s = h & mask;
            while (true) {
                int id = slots[s] - 1;
                if (id < 0) {
                    break;
                }
                if (hashes[id] == h && lengths[id] == len
                        && Arrays.equals(arena, offsets[id], offsets[id] + len, b, off, off + len)) {
                    counts[id]++;
                    return id;
                }
                s = (s + 1) & mask;
            }
            int id = size++;
            if (id == offsets.length) {
                int cap = id * 2;
                offsets = Arrays.copyOf(offsets, cap);
                lengths = Arrays.copyOf(lengths, cap);
                hashes = Arrays.copyOf(hashes, cap);
                counts = Arrays.copyOf(counts, cap);
                firstFile = Arrays.copyOf(firstFile, cap);
                firstLine = Arrays.copyOf(firstLine, cap);
            }
            if (arenaLen + len > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLen + len));
            }
            System.arraycopy(b, off, arena, arenaLen, len);
            offsets[id] = arenaLen;
            lengths[id] = len;
            hashes[id] = h;
            counts[id] = 1;
            firstFile[id] = file;
            firstLine[id] = line;
            arenaLen += len;
            slots[s] = id + 1;
            if (size * 2 > slots.length) {
                rehash();
            }
            return id;
        }

        private void rehash() {
            slots = new int[slots.length * 2];
            mask = slots.length - 1;
            for (int id = 0; id < size; id++) {
                int s = hashes[id] & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = id + 1;
            }
        }

        String[] decodeWords(List<Path> files) throws IOException {
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            String[] out = new String[size];
            for (int id = 0; id < size; id++) {
                int off = offsets[id];
                int len = lengths[id];
                boolean ascii = true;
                for (int i = 0; i < len; i++) {
                    if (arena[off + i] < 0) {
                        ascii = false;
                        break;
                    }
                }
                if (ascii) {
                    out[id] = new String(arena, off, len, StandardCharsets.ISO_8859_1);
                } else {
                    try {
                        out[id] = dec.reset().decode(ByteBuffer.wrap(arena, off, len)).toString();
                    } catch (CharacterCodingException e) {
                        int bad = firstInvalidByte(arena, off, len);
                        throw new IOException(files.get(firstFile[id]) + ":" + firstLine[id]
                                + ": not valid UTF-8 (byte 0x" + String.format("%02X", bad) + " in a word)", e);
                    }
                }
            }
            return out;
        }

        private static int firstInvalidByte(byte[] a, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (a[off + i] < 0) {
                    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT);
                    try {
                        d.decode(ByteBuffer.wrap(a, off, i + Math.min(4, len - i)));
                    } catch (CharacterCodingException e) {
                        return a[off + i] & 0xFF;
                    }
                }
            }
            return a[off] & 0xFF;
        }
    }
}
