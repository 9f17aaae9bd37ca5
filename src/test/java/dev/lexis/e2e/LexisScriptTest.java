package dev.lexis.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lexis.cli.LexisCommand;
import dev.lexis.cli.LexisVersion;
import dev.lexis.cli.args.Command;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code ./lexis} script, run by bash from another directory, as a user runs it. */
class LexisScriptTest {

    record Result(int exitCode, String out, List<String> err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + String.join("\n", err);
        }
    }

    @TempDir
    static Path elsewhere;

    @BeforeAll
    static void bashExists() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "bash is not installed: the ./lexis launcher needs it; skipping");
    }

    static Result lexis(String stdin, String... args) throws IOException, InterruptedException {
        return lexis(Map.of(), stdin, args);
    }

    static Result lexis(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Repo.root().resolve("lexis").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(elsewhere, "out", ".txt");
        Path err = Files.createTempFile(elsewhere, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(elsewhere.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        // a first run may build Lexis with Maven
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "./lexis did not finish in 10 minutes");
        List<String> errLines = Files.readAllLines(err).stream()
                .filter(line -> !line.startsWith("lexis: building"))
                .toList();
        return new Result(process.exitValue(), Files.readString(out), errLines);
    }

    @Test
    void versionFromAnotherDirectory() throws Exception {
        Result run = lexis("", "--version");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("lexis " + LexisVersion.projectVersion(), run.out().lines().findFirst().orElse(""), run::toString);
        assertFalse(String.join("\n", run.err()).contains("WARNING: Using incubator modules"), run::toString);
    }

    @Test
    void tokenizeReadsStandardInput() throws Exception {
        Result run = lexis("Hello, World!\nÉté 2024\n", "tokenize", "--analyzer", "standard");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("hello world\nété 2024\n", run.out(), run::toString);
    }

    @Test
    void missingFileExitsWithOneLineNamingIt() throws Exception {
        Path missing = elsewhere.resolve("missing-corpus.txt");
        Result run = lexis("", "vocab", "--input", missing.toString());
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.out());
        assertEquals(List.of("lexis: " + missing + ": no such file or folder"), lastLines(run.err(), 1), run::toString);
        assertFalse(run.err().stream().anyMatch(line -> line.contains("\tat ")), run::toString);
    }

    @Test
    void usageErrorExitsWith2() throws Exception {
        Result run = lexis("", "vocab", "--input", "corpus.txt", "--no-such-option");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().stream().anyMatch(line -> line.startsWith("lexis: Unknown option: '--no-such-option'")),
                run::toString);
    }

    @Test
    void eachCommandGetsItsOwnClassDataArchive(@TempDir Path cache) throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        assertEquals(0, lexis(env, "", "classify", "predict", "--help").exitCode());
        assertEquals(0, lexis(env, "", "--verbose", "classify", "train", "--help").exitCode());
        assertEquals(0, lexis(env, "", "nearest", "--help").exitCode());
        List<String> names;
        try (var files = Files.list(cache.resolve("lexis"))) {
            names = files.map(f -> f.getFileName().toString().replaceFirst("^lexis-\\d+-\\d+-", "")).sorted().toList();
        }
        assertEquals(List.of("classify-predict.jsa", "classify-train.jsa", "nearest.jsa"), names);
        // the next run maps its command's archive
        Map<String, String> logged = Map.of("XDG_CACHE_HOME", cache.toString(), "LEXIS_JAVA_OPTS", "-Xlog:class+load");
        Result again = lexis(logged, "", "nearest", "--help");
        assertTrue(again.out().contains("dev.lexis.cli.embeddings.NearestCommand source: shared objects file"),
                again::toString);
    }

    @Test
    void aDamagedArchiveIsReplaced(@TempDir Path cache) throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());
        assertEquals(0, lexis(env, "", "--version").exitCode());
        Path archive;
        try (var files = Files.list(cache.resolve("lexis"))) {
            archive = files.filter(f -> f.toString().endsWith("-other.jsa")).findFirst().orElseThrow();
        }
        Files.writeString(archive, "interrupted write");
        Result run = lexis(env, "", "--version");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("lexis " + LexisVersion.projectVersion(), run.out().lines().findFirst().orElse(""), run::toString);
        byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(archive), 4);   // 0xf00baba2, little-endian
        assertEquals(List.of((byte) 0xa2, (byte) 0xab, (byte) 0x0b, (byte) 0xf0),
                List.of(magic[0], magic[1], magic[2], magic[3]), "a static archive again");
    }

    @Test
    void theLauncherKnowsTheCommandsWithSubcommands() throws IOException {
        // the launcher keys its class-data archives by command, and by subcommand for these
        String line = Files.readAllLines(Repo.root().resolve("lexis")).stream()
                .filter(l -> l.contains("LexisScriptTest checks this list")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("case \"\\$arg\" in ([a-z|]+)\\)").matcher(line);
        assertTrue(m.find(), line);
        Set<String> inLauncher = new TreeSet<>(List.of(m.group(1).split("\\|")));
        Set<String> groups = new TreeSet<>();
        for (Class<?> c : LexisCommand.class.getAnnotation(Command.class).subcommands()) {
            Command command = c.getAnnotation(Command.class);
            if (command.subcommands().length > 0) {
                groups.add(command.name());
            }
        }
        assertEquals(groups, inLauncher);
    }

    private static List<String> lastLines(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
