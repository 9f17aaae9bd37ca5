package dev.lexis.nn.io;

import dev.lexis.nn.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/** Writes the {@link ModelFile} layout through one direct buffer, computing the CRC32C as it flushes. */
final class ModelFileWriter {
    private static final int BUFFER_BYTES = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final CRC32C crc = new CRC32C();
    private long written;

    private ModelFileWriter(FileChannel channel, long length) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocateDirect((int) Math.max(64, Math.min(BUFFER_BYTES, length)))
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    static void write(ModelFile model, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                long expected = encodedLength(model);
                ModelFileWriter out = new ModelFileWriter(channel, expected);
                out.writeAll(model, expected);
                out.flush();
                if (out.written != expected - 4) {
                    throw new IllegalStateException("internal error: wrote " + out.written + " bytes before the checksum, "
                            + "expected " + (expected - 4));
                }
                out.buffer.putInt((int) out.crc.getValue());
                out.flushRaw();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw new IOException(target + ": cannot write the model file (" + e.getMessage() + ")", e);
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private void writeAll(ModelFile model, long totalLength) throws IOException {
        ensure(16);
        buffer.order(ByteOrder.BIG_ENDIAN).putInt(ModelFile.MAGIC).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(ModelFile.FORMAT_VERSION);
        buffer.putLong(totalLength);
        writeString(model.kind());

        writeCount(model.config().size());
        for (Map.Entry<String, String> e : model.config().entrySet()) {
            writeString(e.getKey());
            writeString(e.getValue());
        }

        List<String> words = model.vocabularyWords();
        long[] counts = model.countsNoCopy();
        writeCount(words.size());
        for (int i = 0; i < words.size(); i++) {
            writeString(words.get(i));
            ensure(8);
            buffer.putLong(counts[i]);
        }

        writeCount(model.tensors().size());
        for (Map.Entry<String, Tensor> e : model.tensors().entrySet()) {
            Tensor t = e.getValue();
            writeString(e.getKey());
            int[] shape = t.shape();
            writeCount(shape.length);
            for (int d : shape) {
                writeCount(d);
            }
            writeFloats(t.data(), t.offset(), t.size());
        }

        writeCount(model.extras().size());
        for (Map.Entry<String, Object> e : model.extras().entrySet()) {
            writeString(e.getKey());
            ensure(1);
            if (e.getValue() instanceof int[] ints) {
                buffer.put(ModelFile.EXTRA_INTS);
                writeCount(ints.length);
                for (int v : ints) {
                    ensure(4);
                    buffer.putInt(v);
                }
            } else {
                @SuppressWarnings("unchecked")
                List<String> strings = (List<String>) e.getValue();
                buffer.put(ModelFile.EXTRA_STRINGS);
                writeCount(strings.size());
                for (String s : strings) {
                    writeString(s);
                }
            }
        }
    }

    /** The exact file length of {@code model}, so the header can carry it (checksum included). */
    static long encodedLength(ModelFile model) {
        long n = 16 + stringLength(model.kind());
        n += 4;
        for (Map.Entry<String, String> e : model.config().entrySet()) {
            n += stringLength(e.getKey()) + stringLength(e.getValue());
        }
        n += 4;
        for (String w : model.vocabularyWords()) {
            n += stringLength(w) + 8;
        }
        n += 4;
        for (Map.Entry<String, Tensor> e : model.tensors().entrySet()) {
            n += stringLength(e.getKey()) + 4 + 4L * e.getValue().rank() + 4L * e.getValue().size();
        }
        n += 4;
        for (Map.Entry<String, Object> e : model.extras().entrySet()) {
            n += stringLength(e.getKey()) + 1 + 4;
            if (e.getValue() instanceof int[] ints) {
                n += 4L * ints.length;
            } else {
                @SuppressWarnings("unchecked")
                List<String> strings = (List<String>) e.getValue();
                for (String s : strings) {
                    n += stringLength(s);
                }
            }
        }
        return n + 4;
    }

    private static long stringLength(String s) {
        return 4 + utf8Length(s);
    }

    /** The number of bytes {@code s.getBytes(UTF_8)} produces (an unpaired surrogate becomes one '?'). */
    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private void writeCount(int n) throws IOException {
        ensure(4);
        buffer.putInt(n);
    }

    private void writeString(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeCount(bytes.length);
        int off = 0;
        while (off < bytes.length) {
            if (!buffer.hasRemaining()) {
                flush();
            }
            int n = Math.min(buffer.remaining(), bytes.length - off);
            buffer.put(bytes, off, n);
            off += n;
        }
    }

    private void writeFloats(float[] data, int offset, int size) throws IOException {
        int done = 0;
        while (done < size) {
            if (buffer.remaining() < 4) {
                flush();
            }
            int n = Math.min(buffer.remaining() / 4, size - done);
            // bulk copy through a little-endian float view of the buffer: no per-value call
            buffer.asFloatBuffer().put(data, offset + done, n);
            buffer.position(buffer.position() + 4 * n);
            done += n;
        }
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    /** Writes the buffered bytes, adding them to the checksum. */
    private void flush() throws IOException {
        buffer.flip();
        crc.update(buffer.duplicate());
        written += buffer.remaining();
        drain();
    }

    /** Writes the buffered bytes without adding them to the checksum (the checksum itself). */
    private void flushRaw() throws IOException {
        buffer.flip();
        drain();
    }

    private void drain() throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
