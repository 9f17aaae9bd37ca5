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
     * opposed to a bug, whose class name is printed too.
     */
    static boolean isExpected(Throwable e) {
        Throwable t = unwrap(e);
        return t instanceof IOException || t instanceof UncheckedIOException
                || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                || t instanceof UnsupportedOperationException;
    }

    /**
     * One line describing {@code e}: its message when it has one (library messages already name the file,
     * line and value), the file and reason for file-system errors, the class name otherwise.
     */
    static String describe(Throwable e) {
        Throwable t = unwrap(e);
        String message;
        if (t instanceof NoSuchFileException f) {
            message = f.getFile() + ": no such file or directory";
        } else if (t instanceof AccessDeniedException f) {
            message = f.getFile() + ": permission denied";
        } else if (t instanceof FileAlreadyExistsException f) {
            message = f.getFile() + ": already exists";
        } else if (t instanceof NotDirectoryException f) {
            message = f.getFile() + ": not a directory";
        } else if (t instanceof DirectoryNotEmptyException f) {
            message = f.getFile() + ": directory not empty";
        } else if (t instanceof FileSystemException f) {
            message = f.getMessage();
        } else if (t.getMessage() == null || t.getMessage().isBlank()) {
            message = t.getClass().getSimpleName() + (t.getCause() != null ? ": " + describe(t.getCause()) : "");
        } else if (isExpected(t)) {
            message = t.getMessage();
            Throwable cause = t.getCause();
            // "reading corpus.txt failed" + the cause's own file and reason, unless the message already has it
            if (cause instanceof FileSystemException && !message.contains(describe(cause))) {
                message += ": " + describe(cause);
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
                        || t instanceof InvocationTargetException || t instanceof UncheckedIOException
                        || t instanceof picocli.CommandLine.ExecutionException)
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
