package dev.lexis.embeddings;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Writes the binary files of this module that end in a CRC32 of everything before it (checkpoints, subword files):
 * to a temporary file in the target's folder, then renamed over the target, so a crash or a full disk never leaves
 * a half-written file under the target's name.
 */
final class ChecksummedFile {
    private ChecksummedFile() {
    }

    /** Writes a body. */
    @FunctionalInterface
    interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * Writes {@code body}, then the CRC32 of its bytes as a long, to {@code file} atomically.
     *
     * @throws IOException if writing fails (the target is then left as it was)
     */
    static void write(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            CRC32 crc = new CRC32();
            try (OutputStream raw = Files.newOutputStream(tmp);
                 CheckedOutputStream co = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc);
                 DataOutputStream out = new DataOutputStream(co)) {
                body.writeTo(out);
                out.flush();
                out.writeLong(crc.getValue());
            }
            VectorFormats.moveAtomically(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
