package dev.lexis.nn.io;

import dev.lexis.nn.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Reads the {@link ModelFile} layout, checking every length against the bytes left before trusting it, so a
 * damaged count never allocates gigabytes.
 *
 * <p>Truncation and corruption are told apart by the header's declared length: if the file is shorter than
 * it says, running out of bytes means "truncated in …"; otherwise the structure itself is damaged. A flipped
 * byte that leaves the structure readable is caught by the CRC32C at the end.
 */
final class ModelFileReader {
    private static final int BUFFER_BYTES = 1 << 20;
    private static final int HEADER_BYTES = 16;
    /** header, the shortest kind (1 byte), four empty section counts, checksum. */
    private static final long MIN_LENGTH = HEADER_BYTES + 5 + 16 + 4;
    private static final int MAX_RANK = 16;

    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] stringBytes = new byte[256];
    /** File offset of buffer index 0. */
    private long bufferStart;
    /** Buffer index up to which the checksum has been computed. */
    private int crcPosition;
    private long declaredLength;
    /** The part being read, for messages: "the header", "tensor \"w\"", … */
    private String where = "the header";

    private ModelFileReader(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.fileSize = channel.size();
        // small files (and the many small reads of tests) need no 1 MiB buffer
        this.buffer = ByteBuffer.allocateDirect((int) Math.max(64, Math.min(BUFFER_BYTES, fileSize)))
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.limit(0);
    }

    static ModelFile read(Path file, String expectedKind) throws IOException {
        if (expectedKind != null) {
            ModelFile.checkKind(expectedKind);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such model file");
        }
        try (channel) {
            return new ModelFileReader(file, channel).readAll(expectedKind);
        }
    }

    private ModelFile readAll(String expectedKind) throws IOException {
        readHeader();

        where = "the model kind";
        String kind = readString();
        if (expectedKind != null && !expectedKind.equals(kind)) {
            throw refuse("is a " + kind + " model, expected " + expectedKind);
        }

        where = "the config";
        int configCount = readCount(8);
        TreeMap<String, String> config = new TreeMap<>();
        for (int i = 0; i < configCount; i++) {
            where = "config entry " + (i + 1) + " of " + configCount;
            String key = readString();
            where = "config entry " + quote(key);
            config.put(key, readString());
        }

        where = "the vocabulary";
        int vocabSize = readCount(12);
        List<String> words = new ArrayList<>(vocabSize);
        long[] counts = new long[vocabSize];
        for (int i = 0; i < vocabSize; i++) {
            where = "the vocabulary (word " + (i + 1) + " of " + vocabSize + ")";
            words.add(readString());
            ensure(8);
            counts[i] = buffer.getLong();
        }

        where = "the tensor list";
        int tensorCount = readCount(8);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (int i = 0; i < tensorCount; i++) {
            where = "tensor " + (i + 1) + " of " + tensorCount;
            String name = readString();
            where = "tensor " + quote(name);
            Tensor tensor = readTensor();
            if (tensors.putIfAbsent(name, tensor) != null) {
                throw corrupted("a second tensor of the same name");
            }
        }

        where = "the extra sections";
        int extraCount = readCount(9);
        Map<String, Object> extras = new LinkedHashMap<>();
        for (int i = 0; i < extraCount; i++) {
            where = "extra section " + (i + 1) + " of " + extraCount;
            String name = readString();
            where = "extra section " + quote(name);
            ensure(1);
            byte type = buffer.get();
            Object value;
            if (type == ModelFile.EXTRA_INTS) {
                int n = readCount(4);
                int[] ints = new int[n];
                for (int j = 0; j < n; j++) {
                    ensure(4);
                    ints[j] = buffer.getInt();
                }
                value = ints;
            } else if (type == ModelFile.EXTRA_STRINGS) {
                int n = readCount(4);
                List<String> strings = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    strings.add(readString());
                }
                value = List.copyOf(strings);
            } else {
                throw corrupted("unknown section type " + type);
            }
            if (extras.putIfAbsent(name, value) != null) {
                throw corrupted("a second section of the same name");
            }
        }

        where = "the checksum";
        if (fileSize - position() < 4) {
            throw truncated();
        }
        ensure(4);
        updateChecksum();
        int stored = buffer.getInt();
        crcPosition = buffer.position();
        int computed = (int) crc.getValue();
        if (stored != computed) {
            throw refuse(String.format("checksum mismatch; the file is corrupted (stored 0x%08X, computed 0x%08X)",
                    stored, computed));
        }
        long end = position();
        if (end < fileSize) {
            throw refuse((fileSize - end) + " unexpected bytes after the checksum; the file is corrupted");
        }
        if (end != declaredLength) {
            throw refuse("corrupted header (declares " + declaredLength + " bytes, the model ends after " + end + ")");
        }
        return new ModelFile(file.toString(), kind, config, words, counts, tensors, extras);
    }

    private void readHeader() throws IOException {
        int headBytes = (int) Math.min(fileSize, HEADER_BYTES);
        if (headBytes > 0) {
            ensure(headBytes);
        }
        if (fileSize < 4) {
            byte[] head = new byte[headBytes];
            buffer.get(head);
            byte[] magic = ByteBuffer.allocate(4).putInt(ModelFile.MAGIC).array();
            if (fileSize > 0 && Arrays.equals(head, Arrays.copyOf(magic, headBytes))) {
                throw refuse("truncated in the header; the file is incomplete (" + fileSize + " bytes)");
            }
            throw refuse("not a Lexis model file (" + (fileSize == 0 ? "empty" : "only " + fileSize + " bytes") + ")");
        }
        int magic = buffer.order(ByteOrder.BIG_ENDIAN).getInt();
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        if (magic != ModelFile.MAGIC) {
            throw refuse(String.format("not a Lexis model file (magic 0x%08X)", magic));
        }
        if (fileSize < HEADER_BYTES) {
            throw refuse("truncated in the header; the file is incomplete (" + fileSize + " bytes)");
        }
        int version = buffer.getInt();
        if (version > ModelFile.FORMAT_VERSION && version < 256) {
            throw refuse("format version " + version + " is newer than this Lexis reads ("
                    + ModelFile.FORMAT_VERSION + "); use a newer Lexis");
        }
        if (version != ModelFile.FORMAT_VERSION) {
            throw refuse(String.format("corrupted header (format version field 0x%08X)", version));
        }
        declaredLength = buffer.getLong();
        if (declaredLength < MIN_LENGTH) {
            throw refuse("corrupted header (declared length " + declaredLength + " bytes)");
        }
    }

    private Tensor readTensor() throws IOException {
        int rank = readCount(0);
        if (rank > MAX_RANK) {
            throw corrupted("rank " + rank);
        }
        checkAvailable(4L * rank);
        int[] shape = new int[rank];
        long size = 1;
        for (int d = 0; d < rank; d++) {
            ensure(4);
            shape[d] = buffer.getInt();
            if (shape[d] < 0) {
                throw corrupted("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= shape[d];
            if (size > Integer.MAX_VALUE - 8) {
                throw corrupted("shape " + Arrays.toString(shape) + " is too large");
            }
        }
        checkAvailable(4 * size);
        float[] values = new float[(int) size];
        int done = 0;
        while (done < size) {
            ensure(4);
            int n = Math.min(buffer.remaining() / 4, values.length - done);
            // bulk copy through a little-endian float view of the buffer: no per-value call
            buffer.asFloatBuffer().get(values, done, n);
            buffer.position(buffer.position() + 4 * n);
            done += n;
        }
        return Tensor.of(values, shape);
    }

    /** Reads a u32 count of items that take at least {@code bytesEach} bytes each, checked against the bytes left. */
    private int readCount(int bytesEach) throws IOException {
        ensure(4);
        int n = buffer.getInt();
        if (n < 0) {
            throw corrupted("count " + Integer.toUnsignedString(n));
        }
        checkAvailable((long) n * bytesEach);
        return n;
    }

    private String readString() throws IOException {
        int length = readCount(1);
        if (stringBytes.length < length) {
            stringBytes = new byte[Math.max(length, stringBytes.length * 2)];
        }
        int done = 0;
        while (done < length) {
            ensure(1);
            int n = Math.min(buffer.remaining(), length - done);
            buffer.get(stringBytes, done, n);
            done += n;
        }
        try {
            CharBuffer chars = utf8.decode(ByteBuffer.wrap(stringBytes, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw corrupted("a string that is not valid UTF-8");
        }
    }

    /** Fails if fewer than {@code bytes} bytes are left before the checksum (truncated or a damaged length). */
    private void checkAvailable(long bytes) throws ModelFileException {
        long position = position();
        long beforeChecksum = declaredLength - 4 - position;
        if (bytes > beforeChecksum) {
            throw fileSize < declaredLength ? truncated() : corrupted("needs " + bytes + " bytes, only "
                    + Math.max(0, beforeChecksum) + " are left");
        }
        if (bytes > fileSize - position) {
            throw truncated();
        }
    }

    /** Makes at least {@code bytes} bytes readable in the buffer. */
    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        updateChecksum();
        bufferStart += buffer.position();
        buffer.compact();
        crcPosition = 0;
        while (buffer.position() < bytes) {
            if (channel.read(buffer) < 0) {
                buffer.flip();
                throw fileSize < declaredLength || declaredLength == 0 ? truncated()
                        : corrupted("the data ends early");
            }
        }
        buffer.flip();
    }

    private void updateChecksum() {
        ByteBuffer consumed = buffer.duplicate();
        consumed.limit(buffer.position()).position(crcPosition);
        crc.update(consumed);
        crcPosition = buffer.position();
    }

    private long position() {
        return bufferStart + buffer.position();
    }

    private ModelFileException truncated() {
        return refuse("truncated in " + where + "; the file is incomplete ("
                + fileSize + " of " + (declaredLength > 0 ? declaredLength + " bytes)" : "more bytes)"));
    }

    private ModelFileException corrupted(String detail) {
        return refuse("corrupted in " + where + ": " + detail + "; the file is damaged");
    }

    /** A name read from the file, quoted for a message: control characters escaped, at most 60 characters. */
    private static String quote(String name) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < name.length() && i < 60; i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || c == '"') {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append(name.length() > 60 ? "…\"" : "\"").toString();
    }

    private ModelFileException refuse(String problem) {
        return new ModelFileException(file, problem);
    }
}
