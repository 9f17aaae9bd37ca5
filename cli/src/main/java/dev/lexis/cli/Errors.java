package dev.lexis.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception into the one-line message that {@code lexis} prints after {@code "lexis: "}. */
final class Errors {

    private Errors() {
    }

    /**
     * Whether {@code e} is an error of the input or the environment (its message is meant for the user), as
     * opposed to a bug, whose class name is printed too. Lexis's own exceptions (e.g. {@code CorpusException})
     * carry messages written for the user.
     */
    static boolean isExpected(Throwable e) {
        Throwable t = unwrap(e);
        return t instanceof IOException || t instanceof UncheckedIOException
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof UnsupportedOperationException
                || t.getClass().getName().startsWith("dev.lexis.");
    }

    /**
     * One line describing {@code e}: its message when it has one (library messages already name the file,
     * line and value), the file and reason for file-system errors, the class name otherwise.
     */
    static String describe(Throwable e) {
        Throwable t = unwrap(e);
        String message;
        if (t instanceof FileSystemException f) {
            String reason = f.getReason() != null ? f.getReason()
                    : t instanceof NoSuchFileException ? "no such file or directory"
                    : t instanceof AccessDeniedException ? "permission denied"
                    : t instanceof FileAlreadyExistsException ? "already exists"
                    : t instanceof NotDirectoryException ? "not a directory"
                    : t instanceof DirectoryNotEmptyException ? "directory not empty"
                    : "file system error";
            message = (f.getFile() != null ? f.getFile() : "?")
                    + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
        } else if (t.getMessage() == null || t.getMessage().isBlank()) {
            message = t.getClass().getSimpleName() + (t.getCause() != null ? ": " + describe(t.getCause()) : "");
        } else if (isExpected(t)) {
            message = t.getMessage();
            Throwable cause = t.getCause();
            // "reading corpus.txt failed" + the cause's own file and reason, unless the message already has it
            if (cause instanceof FileSystemException f && !message.contains(describe(f))) {
                String bare = f.getMessage();   // a FileSystemException's message may be just the path
                message = bare != null && message.endsWith(bare)
                        ? message.substring(0, message.length() - bare.length()) + describe(f)
                        : message + ": " + describe(f);
            }
        } else {
            message = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        return oneLine(message);
    }

    /** Strips wrappers that add nothing to their cause's message. */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null
                && (t instanceof ExecutionException || t instanceof CompletionException
                        || t instanceof InvocationTargetException || t instanceof UncheckedIOException)
                && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        return t;
    }

    /** {@code text} on one line: line breaks and tabs become single spaces; null becomes "". */
    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ").replace('\t', ' ');
    }
}
