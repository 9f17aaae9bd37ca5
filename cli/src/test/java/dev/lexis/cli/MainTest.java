package dev.lexis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Run run = Run.of("--help");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("Usage: lexis "), run::toString);
        assertTrue(run.out().contains("Exit status: 0 ok, 1 error"), run::toString);
        assertTrue(run.out().contains("--verbose"), run::toString);
        assertEquals("", run.err(), run::toString);
    }

    @Test
    void everySubcommandHasHelpAndVersion() {
        Map<String, CommandLine> subcommands = Main.commandLine(System.in,
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getSubcommands();
        assertFalse(subcommands.isEmpty());
        for (String name : subcommands.keySet()) {
            Run help = Run.of(name, "--help");
            assertEquals(Main.OK, help.exitCode(), help::toString);
            assertTrue(help.out().contains("Usage: lexis " + name), help::toString);
            assertTrue(help.out().contains("--help"), help::toString);
            if (!name.equals("help")) {
                assertTrue(help.out().contains("--version") && help.out().contains("--verbose"), help::toString);
            }
        }
    }

    @Test
    void aNamedCommandGetsOnlyItsOwnTreeAndTheRestGetAll() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        assertEquals(java.util.List.of("classify"), java.util.List.copyOf(
                Main.commandLine(System.in, sink, sink, "--verbose", "classify", "train").getSubcommands().keySet()));
        int all = LexisCommand.COMMANDS.size();
        assertEquals(all, Main.commandLine(System.in, sink, sink).getSubcommands().size());
        assertEquals(all, Main.commandLine(System.in, sink, sink, "help", "classify").getSubcommands().size());
        assertEquals(all, Main.commandLine(System.in, sink, sink, "clasify").getSubcommands().size());
        assertEquals(all, Main.commandLine(System.in, sink, sink, "--", "classify").getSubcommands().size());
        // the inherited --verbose reaches a command attached alone
        Run run = Run.of("--verbose", "classify", "test", "--model", "no-such.model", "--data", "no-such.csv");
        assertEquals(Main.ERROR, run.exitCode(), run::toString);
        assertTrue(run.err().contains("no-such"), run::toString);
    }

    @Test
    void versionIsTheMavenProjectVersion() {
        Run run = Run.of("--version");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        String first = run.outLines().get(0);
        assertTrue(first.matches("lexis \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), first);
        assertEquals("lexis " + LexisVersion.projectVersion(), first);
        assertTrue(run.outLines().get(1).startsWith("Java " + Runtime.version().feature()), run::toString);
    }

    @Test
    void unknownOptionIsAUsageErrorOnOneLine() {
        Run run = Run.of("--no-such-option");
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals("lexis: Unknown option: '--no-such-option' (see 'lexis --help')", run.errLines().get(0));
    }

    @Test
    void missingCommandIsAUsageError() {
        Run run = Run.of();
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("lexis: missing command: choose one of "), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
    }

    @Test
    void unknownCommandIsAUsageError() {
        Run run = Run.of("frobnicate");
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("lexis: Unmatched argument at index 0: 'frobnicate'"), run::toString);
    }

    @Test
    void errorMessagesAreOneLineNamingTheFile() {
        assertEquals("corpus.txt: no such file or directory",
                Errors.describe(new NoSuchFileException("corpus.txt")));
        assertEquals("corpus.txt: no such file or directory",
                Errors.describe(new UncheckedIOException(new NoSuchFileException("corpus.txt"))));
        assertEquals("cannot read the corpus: corpus.txt: no such file or directory",
                Errors.describe(new UncheckedIOException("cannot read the corpus", new NoSuchFileException("corpus.txt"))));
        assertEquals("data/reviews.csv:1842: expected 2 columns (label, text), found 3",
                Errors.describe(new IllegalArgumentException("data/reviews.csv:1842: expected 2 columns (label, text),\n found 3")));
        assertEquals("IOException", Errors.describe(new IOException()));
        assertTrue(Errors.isExpected(new IllegalStateException("x")));
        assertFalse(Errors.isExpected(new NullPointerException("x")));
        assertEquals("NullPointerException: x", Errors.describe(new NullPointerException("x")));
    }
}
