package dev.lexis.nn.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that cannot be read or written: foreign (wrong magic), of another model kind, truncated,
 * corrupted (checksum mismatch or inconsistent structure) or from a newer format version.
 *
 * <p>The message starts with the file name and says what is wrong, e.g.
 * {@code model.lexis: truncated in tensor "dense0.weight"; the file is incomplete (1200 of 4816 bytes)}.
 */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that was refused. */
    public Path file() {
        return file;
    }
}
