package dev.lexis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lexis.cli.args.CommandSpec;

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
        List<String> subcommands = CommandSpec.root(new LexisCommand(),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).subcommandNames();
        assertEquals(List.of("help", "demo", "tokenize", "vocab", "word2vec", "nearest", "analogy", "evaluate",
                "print-vectors", "lm",
                "classify", "tag"), subcommands);
        for (String name : subcommands) {
            Run help = Run.of(name, "--help");
            assertEquals(Main.OK, help.exitCode(), help::toString);
            assertTrue(help.out().contains("Usage: lexis " + name), help::toString);
            assertTrue(help.out().contains("--help"), help::toString);
            assertTrue(help.out().contains("--version") && help.out().contains("--verbose"), help::toString);
        }
    }

    @Test
    void everyCommandOfTheTreeHasCompleteHelpAndVersion() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        List<CommandSpec> pending = new java.util.ArrayList<>(List.of(CommandSpec.root(new LexisCommand(), sink, sink)));
        int seen = 0;
        while (!pending.isEmpty()) {
            CommandSpec command = pending.remove(0);
            for (String name : command.subcommandNames()) {
                pending.add(command.subcommand(name).orElseThrow());
            }
            List<String> path = List.of(command.qualifiedName().split(" "));
            String[] args = path.subList(1, path.size()).toArray(new String[0]);
            Run help = Run.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-h"))
                    .toArray(String[]::new));
            assertEquals(Main.OK, help.exitCode(), help::toString);
            assertTrue(help.out().startsWith("Usage: " + command.qualifiedName()), help::toString);
            assertFalse(help.out().contains("${"), help::toString);   // every ${DEFAULT-VALUE} replaced
            assertTrue(help.out().endsWith("2 usage error.\n"), help::toString);
            for (String line : help.out().split("\n")) {
                assertTrue(line.length() < 80, line);
            }
            Run version = Run.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("-V"))
                    .toArray(String[]::new));
            assertEquals("lexis " + LexisVersion.projectVersion(), version.outLines().get(0), version::toString);
            seen++;
        }
        assertEquals(1 + 12 + 4 + 3 + 2, seen);   // lexis, its commands, lm's, classify's and tag's
    }

    @Test
    void theInheritedVerboseWorksBeforeAndAfterTheCommandName() {
        for (String[] args : List.of(
                new String[] {"--verbose", "classify", "test", "--model", "no-such.model", "--data", "no-such.csv"},
                new String[] {"classify", "test", "--model", "no-such.model", "--verbose", "--data", "no-such.csv"})) {
            Run run = Run.of(args);
            assertEquals(Main.ERROR, run.exitCode(), run::toString);
            assertTrue(run.err().contains("no-such"), run::toString);
            assertTrue(run.err().contains("\tat dev.lexis."), run::toString);   // the stack trace: --verbose was seen
        }
    }

    @Test
    void helpCommandAndHelpOptionsPrintTheSameHelp() {
        Run option = Run.of("classify", "train", "--help");
        Run command = Run.of("help", "classify", "train");
        assertEquals(Main.OK, option.exitCode(), option::toString);
        assertEquals(option.out(), command.out());
        assertTrue(option.out().startsWith("Usage: lexis classify train [-hV] --train=CSV "), option::toString);
        assertTrue(option.out().contains("[--test=CSV | --folds=K]"), option::toString);
        assertTrue(option.out().contains("[--set=KEY=VALUE]..."), option::toString);
        assertTrue(option.out().contains("\n      --dev-fraction=F       Without --dev: hold out this fraction"),
                option::toString);
        assertTrue(option.out().contains("as dev; 0 = none (default: 0.1)."), option::toString);
        assertEquals(Run.of("--help").out(), Run.of("help").out());
        Run unknown = Run.of("help", "clasify");
        assertEquals(Main.USAGE, unknown.exitCode(), unknown::toString);
        assertEquals(List.of("lexis: Unknown subcommand 'clasify'. (see 'lexis --help')",
                "Did you mean: lexis classify?"), unknown.errLines());
    }

    @Test
    void groupsWithoutACommandListTheirCommands() {
        Run run = Run.of("classify");
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertEquals(List.of("lexis: missing command: choose one of train, test, predict (see 'lexis classify --help')"),
                run.errLines());
        Run help = Run.of("lm", "--help");
        assertTrue(help.out().contains("Commands:\n  train       Trains a neural network language model"), help::toString);
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
        assertEquals(List.of("lexis: Unmatched argument at index 0: 'frobnicate' (see 'lexis --help')"), run.errLines());
        Run typo = Run.of("--verbose", "clasify", "train");
        assertEquals(Main.USAGE, typo.exitCode(), typo::toString);
        assertEquals(List.of("lexis: Unmatched argument at index 1: 'clasify' (see 'lexis --help')",
                "Did you mean: lexis classify?"), typo.errLines());
        Run nested = Run.of("classify", "trian");
        assertEquals(List.of("lexis: Unmatched argument at index 1: 'trian' (see 'lexis classify --help')",
                "Did you mean: lexis classify train?"), nested.errLines());
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
