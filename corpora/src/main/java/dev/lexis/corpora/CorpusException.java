package dev.lexis.corpora;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A corpus could not be read: a missing file, a folder without text files, bytes that are not UTF-8, a malformed
 * CSV or CoNLL row, an I/O failure. The message is one line that names the file and, where there is one, the line:
 * {@code corpus/wiki.txt:412: not valid UTF-8 (byte 0xFF at offset 88213)}. The I/O cause, if any, is kept.
 */
public final class CorpusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    /**
     * @param file the file or folder at fault (not null)
     * @param line the 1-based line number, or 0 when the problem is not on a line
     * @param detail what is wrong, and where useful what to do next
     * @param cause the underlying exception, or null
     */
    public CorpusException(Path file, long line, String detail, Throwable cause) {
        super(line > 0 ? file + ":" + line + ": " + detail : file + ": " + detail, cause);
        this.file = file;
        this.line = line;
    }

    /** An error about a whole file or folder (no line). */
    public CorpusException(Path file, String detail) {
        this(file, 0, detail, null);
    }

    /** An error on one line of a file. */
    public CorpusException(Path file, long line, String detail) {
        this(file, line, detail, null);
    }

    /** The file or folder at fault. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line number, when the problem is on a line. */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }
}
