package dev.lexis.cli.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

class CommandParserTest {

    enum Color { RED, DARK_GREEN }

    /** Upper-cases its value; rejects "bad". */
    public static final class Shout implements Converter<String> {
        @Override
        public String convert(String text) {
            if (text.equals("bad")) {
                throw new IllegalArgumentException("bad is not loud; try loud");
            }
            return text.toUpperCase(Locale.ROOT);
        }
    }

    @Command(name = "tool", standardHelpOptions = true, description = "A test tool.",
            footer = {"", "Exit status: 0 ok."}, subcommands = {Run.class, Group.class, HelpCommand.class})
    static final class Root implements Runnable {
        @Option(names = "--verbose", inherited = true, description = "Talk more.")
        boolean verbose;

        @Override
        public void run() {
        }
    }

    @Command(name = "run", description = {"Runs things.", "Second paragraph."})
    public static final class Run implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-i", "--input"}, paramLabel = "PATH", required = true, description = "Input file.")
        Path input;

        @Option(names = "--count", paramLabel = "N", defaultValue = "3", description = "How many (default: ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--big", paramLabel = "N", description = "A long.")
        long big;

        @Option(names = "--rate", paramLabel = "R", defaultValue = "0.5", description = "A double.")
        double rate;

        @Option(names = "--ratio", paramLabel = "R", description = "A float.")
        float ratio;

        @Option(names = "--maybe", paramLabel = "N", description = "Absent: null.")
        Integer maybe;

        @Option(names = "--flag", description = "A flag.")
        boolean flag;

        @Option(names = "--color", paramLabel = "C", defaultValue = "red", description = "An enum (default: ${DEFAULT-VALUE}).")
        Color color;

        @Option(names = "--name", paramLabel = "S", converter = Shout.class, description = "Converted.")
        String name;

        @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "", description = "Empty default.")
        String prompt;

        @Option(names = "--threads", paramLabel = "N", description = "Initial value shown (default: ${DEFAULT-VALUE}).")
        int threads = 7;

        @Option(names = "--mix", paramLabel = "FILE", description = "Repeated.")
        List<Path> mix = new ArrayList<>();

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Map.")
        Map<String, String> set = new LinkedHashMap<>();

        @Option(names = "--test", paramLabel = "CSV", group = "eval", description = "Exclusive with --folds.")
        Path test;

        @Option(names = "--folds", paramLabel = "K", group = "eval", description = "Exclusive with --test.")
        Integer folds;

        @Option(names = "--secret", hidden = true, description = "Not in the help.")
        boolean secret;

        @Parameters(paramLabel = "WORD", arity = "0..*", description = "Words.")
        List<String> words = new ArrayList<>();

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "group", description = "A group.", subcommands = {Leaf.class})
    public static final class Group implements Runnable {
        @Option(names = "--level", paramLabel = "N", description = "Not inherited.")
        int level;

        @Override
        public void run() {
        }
    }

    @Command(name = "leaf", description = "Three words.")
    public static final class Leaf implements Callable<Integer> {
        @Parameters(paramLabel = "A B C", arity = "3", description = "The words.")
        List<String> abc;

        @Parameters(paramLabel = "REST", index = 1, description = "One more.", arity = "0..1")
        String rest;

        @Override
        public Integer call() {
            return 0;
        }
    }

    private static ParseResult parse(Root root, String... args) {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return CommandParser.parse(root, args, sink, sink);
    }

    private static Run run(String... args) {
        return (Run) parse(new Root(), args).command().command();
    }

    private static UsageException fails(String... args) {
        return assertThrows(UsageException.class, () -> parse(new Root(), args));
    }

    @Test
    void everyValueTypeConverts() {
        Run r = run("run", "-i", "in.txt", "--count", "12", "--big", "9000000000", "--rate", "1e-3", "--ratio",
                "0.25", "--maybe", "-4", "--flag", "--color", "dark_green", "--name", "quiet", "w1", "w2");
        assertEquals(Path.of("in.txt"), r.input);
        assertEquals(12, r.count);
        assertEquals(9_000_000_000L, r.big);
        assertEquals(1e-3, r.rate);
        assertEquals(0.25f, r.ratio);
        assertEquals(-4, r.maybe);
        assertTrue(r.flag);
        assertEquals(Color.DARK_GREEN, r.color);
        assertEquals("QUIET", r.name);
        assertEquals(List.of("w1", "w2"), r.words);
        assertEquals("run", r.spec.name());
        assertEquals("tool run", r.spec.qualifiedName());
    }

    @Test
    void defaultsApplyWhenAbsent() {
        Run r = run("run", "--input=x");
        assertEquals(3, r.count);
        assertEquals(0.5, r.rate);
        assertEquals(Color.RED, r.color);
        assertEquals("", r.prompt);
        assertEquals(7, r.threads);
        assertNull(r.maybe);
        assertNull(r.name);
        assertFalse(r.flag);
        assertTrue(r.mix.isEmpty() && r.set.isEmpty() && r.words.isEmpty());
        assertFalse(r.spec.matched("--count"));
        assertTrue(r.spec.matched("--input"));
    }

    @Test
    void equalsFormShortFormsAndFlagValues() {
        Run r = run("run", "--input=a=b.txt", "--count=5", "--flag=false", "--name=x");
        assertEquals(Path.of("a=b.txt"), r.input);
        assertEquals(5, r.count);
        assertFalse(r.flag);
        assertEquals("X", r.name);
        assertEquals(Path.of("f"), run("run", "-i=f").input);
        assertEquals(Path.of("f"), run("run", "-if").input);
    }

    @Test
    void repeatedListAndMapOptions() {
        Run r = run("run", "-i", "x", "--mix", "a", "--mix=b", "--set", "k=v", "--set", "wordNgrams=2", "--set",
                "k=w=1");
        assertEquals(List.of(Path.of("a"), Path.of("b")), r.mix);
        assertEquals(Map.of("k", "w=1", "wordNgrams", "2"), r.set);
        assertEquals(List.of("k", "wordNgrams"), List.copyOf(r.set.keySet()));
        assertEquals("Value for option '--set' (KEY=VALUE) should be in KEY=VALUE format but was novalue",
                fails("run", "-i", "x", "--set", "novalue").getMessage());
    }

    @Test
    void invalidValuesNameTheOptionAndTheType() {
        assertEquals("Invalid value for option '--count': 'many' is not an int", fails("run", "-i", "x", "--count", "many").getMessage());
        assertEquals("Invalid value for option '--big': '1.5' is not a long", fails("run", "-i", "x", "--big", "1.5").getMessage());
        assertEquals("Invalid value for option '--rate': 'abc' is not a double", fails("run", "-i", "x", "--rate", "abc").getMessage());
        assertEquals("Invalid value for option '--ratio': 'abc' is not a float", fails("run", "-i", "x", "--ratio", "abc").getMessage());
        assertEquals("Invalid value for option '--flag': 'yes' is not a boolean", fails("run", "-i", "x", "--flag=yes").getMessage());
        assertEquals("Invalid value for option '--color': expected one of [RED, DARK_GREEN] (case-insensitive) but was 'blue'",
                fails("run", "-i", "x", "--color", "blue").getMessage());
        assertEquals("Invalid value for option '--name': bad is not loud; try loud",
                fails("run", "-i", "x", "--name", "bad").getMessage());
        UsageException e = fails("run", "-i", "x", "--count", "many");
        assertEquals("tool run", e.command().orElseThrow().qualifiedName());
    }

    @Test
    void missingAndRepeatedValues() {
        assertEquals("Missing required option: '--input=PATH'", fails("run").getMessage());
        assertEquals("Missing required parameter for option '--count' (N)", fails("run", "-i", "x", "--count").getMessage());
        assertEquals("Expected parameter for option '--input' but found '--count'",
                fails("run", "-i", "--count", "3").getMessage());
        assertEquals("option '--count' (N) should be specified only once",
                fails("run", "-i", "x", "--count", "1", "--count", "2").getMessage());
        assertEquals(-1, run("run", "-i", "x", "--count", "-1").count);   // a negative number is a value
    }

    @Test
    void unknownOptionsAndArgumentsWithSuggestions() {
        UsageException e = fails("run", "-i", "x", "--cuont", "3");
        assertEquals("Unknown option: '--cuont'", e.getMessage());
        assertEquals("Possible solutions: --count", e.hint());
        assertEquals("", fails("--zzzzzzzz").hint());
        UsageException unmatched = fails("rnu");
        assertEquals("Unmatched argument at index 0: 'rnu'", unmatched.getMessage());
        assertEquals("Did you mean: tool run?", unmatched.hint());
        assertEquals("Did you mean: tool group leaf?", fails("group", "leef").hint());
        assertEquals("Unmatched argument at index 2: 'x'", fails("--verbose", "group", "x").getMessage());
        assertEquals("Unknown option: '--level'", fails("group", "leaf", "a", "b", "c", "--level", "1").getMessage());
    }

    @Test
    void exclusiveOptions() {
        assertEquals(Path.of("t"), run("run", "-i", "x", "--test", "t").test);
        assertEquals(4, run("run", "-i", "x", "--folds", "4").folds);
        assertEquals("--test=CSV, --folds=K are mutually exclusive (specify only one)",
                fails("run", "-i", "x", "--folds", "4", "--test", "t").getMessage());
    }

    @Test
    void doubleDashEndsTheOptions() {
        Run r = run("run", "-i", "x", "--", "--flag", "-w", "--");
        assertFalse(r.flag);
        assertEquals(List.of("--flag", "-w", "--"), r.words);
    }

    @Test
    void positionalArity() {
        Leaf leaf = (Leaf) parse(new Root(), "group", "leaf", "a", "b", "c", "d").command().command();
        assertEquals(List.of("a", "b", "c"), leaf.abc);
        assertEquals("d", leaf.rest);
        assertEquals("positional parameter A B C requires at least 3 values, but only 2 were specified: [a, b]",
                fails("group", "leaf", "a", "b").getMessage());
        assertEquals("Missing required parameter: 'A B C'", fails("group", "leaf").getMessage());
        assertEquals("Unmatched argument at index 6: 'e'", fails("group", "leaf", "a", "b", "c", "d", "e").getMessage());
    }

    @Test
    void inheritedOptionsAnywhereAndOnTheirOwner() {
        for (String[] args : List.of(new String[] {"--verbose", "run", "-i", "x"},
                new String[] {"run", "-i", "x", "--verbose"}, new String[] {"run", "--verbose", "-i", "x"})) {
            Root root = new Root();
            ParseResult result = parse(root, args);
            assertTrue(root.verbose, String.join(" ", args));
            assertTrue(result.command().matched("--verbose"));
            assertSame(root, result.command().root().command());
        }
    }

    @Test
    void helpAndVersionAtEveryLevelSkipTheChecks() {
        ParseResult help = parse(new Root(), "run", "--help");   // --input is required, but help is asked for
        assertTrue(help.helpRequested());
        assertEquals("tool run", help.command().qualifiedName());
        assertTrue(parse(new Root(), "-h").helpRequested());
        assertTrue(parse(new Root(), "group", "leaf", "-V").versionRequested());
        assertTrue(parse(new Root(), "--version").versionRequested());
        assertFalse(parse(new Root(), "run", "-i", "x").helpRequested());
    }

    @Test
    void onlyTheChosenCommandIsCreated() {
        ParseResult result = parse(new Root(), "group", "leaf", "a", "b", "c");
        assertEquals("tool group leaf", result.command().qualifiedName());
        assertEquals(List.of("run", "group", "help"), result.command().root().subcommandNames());
        assertEquals(List.of(), result.command().subcommandNames());
    }

    @Test
    void helpTextListsOptionsDefaultsAndCommands() {
        String run = Help.of(parse(new Root(), "run", "--help").command());
        assertTrue(run.startsWith("Usage: tool run [-hV] --input=PATH [--count=N] "), run);
        assertTrue(run.contains("[--mix=FILE]... [--set=KEY=VALUE]...\n"
                + "                [--test=CSV | --folds=K] [--verbose] [WORD...]\n"), run);
        assertTrue(run.contains("\nRuns things.\nSecond paragraph.\n"), run);
        assertTrue(run.contains("\n  -i, --input=PATH      Input file.\n"), run);
        assertTrue(run.contains("\n      --count=N         How many (default: 3).\n"), run);
        assertTrue(run.contains("\n      --threads=N       Initial value shown (default: 7).\n"), run);
        assertTrue(run.contains("\n      --color=C         An enum (default: red).\n"), run);
        assertTrue(run.contains("\n      [WORD...]         Words.\n"), run);
        assertTrue(run.contains("\n  -h, --help            Show this help message and exit.\n"
                + "  -V, --version         Print version information and exit.\n"
                + "      --verbose         Talk more.\n"), run);
        assertFalse(run.contains("--secret"), run);
        assertTrue(run.endsWith("\nExit status: 0 ok.\n"), run);
        for (String line : run.split("\n")) {
            assertTrue(line.length() < Help.WIDTH, line);
        }
        String root = Help.of(parse(new Root(), "--help").command());
        assertTrue(root.startsWith("Usage: tool [-hV] [--verbose] COMMAND\nA test tool.\n"), root);
        assertTrue(root.contains("Commands:\n  run    Runs things.\n  group  A group.\n  help   Display help"), root);
    }

    @Test
    void helpCommandResolvesNames() {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        ParseResult result = CommandParser.parse(new Root(), new String[] {"help", "group", "leaf"}, writer, writer);
        assertEquals(0, ((HelpCommand) result.command().command()).call());
        assertTrue(out.toString().startsWith("Usage: tool group leaf [-hV] [--verbose] A B C [REST]\n"), out.toString());
        ParseResult bad = CommandParser.parse(new Root(), new String[] {"help", "grop"}, writer, writer);
        UsageException e = assertThrows(UsageException.class, () -> ((HelpCommand) bad.command().command()).call());
        assertEquals("Unknown subcommand 'grop'.", e.getMessage());
        assertEquals("Did you mean: tool group?", e.hint());
    }

    @Test
    void suggestionsUseEditDistance() {
        assertEquals(0, Suggestions.distance("train", "train"));
        assertEquals(1, Suggestions.distance("trian", "train"));   // a swap
        assertEquals(1, Suggestions.distance("clasify", "classify"));
        assertEquals(List.of("classify"), Suggestions.closest("clasify", List.of("classify", "tag", "vocab")));
        assertEquals(List.of(), Suggestions.closest("frobnicate", List.of("classify", "tag", "vocab")));
    }

    @Test
    void malformedDeclarationsFailClearly() {
        @Command(name = "bad")
        final class Bad {
            @Option(names = "--x")
            static int x;
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CommandSpec.root(new Bad(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("neither static nor final"), e.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> CommandSpec.root(new Object(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertTrue(none.getMessage().contains("has no @Command annotation"), none.getMessage());
    }
}
