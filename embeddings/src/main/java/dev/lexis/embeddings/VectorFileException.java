package dev.lexis.embeddings;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A word-vector file is malformed: wrong header, dimension mismatch, truncated vector or invalid UTF-8. The
 * message names the file and the word index, e.g.
 * {@code wiki-vectors.bin: truncated in vector 20413 of 71290 ("absolute"); the file is incomplete}.
 */
public final class VectorFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file   the file
     * @param detail what is wrong, and where
     */
    public VectorFileException(Path file, String detail) {
        super(file + ": " + detail);
    }
}
