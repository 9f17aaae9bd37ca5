package dev.lexis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizeCommandTest {

    @Test
    void printsOneLineOfTokensPerInputLineKeepingEmptyLines() {
        Run run = Run.withInput("The Cats, were running!\n\n  \r\nÉcole d'été\n", "tokenize", "--analyzer", "standard");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals(List.of("the cats were running", "", "", "école d'été"), run.outLines());
        assertEquals("", run.err());
    }

    @Test
    void whitespaceKeepsCaseAndPunctuationLikeTheWord2vecTool() {
        Run run = Run.withInput("\uFEFFThe  Cats,\twere running!", "tokenize", "-a", "whitespace");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals(List.of("The Cats, were running!"), run.outLines());
    }

    @Test
    void englishWithStemmingDropsStopWordsAndStems() {
        Run run = Run.withInput("The cats are running", "tokenize", "--analyzer", "english+stem");
        assertEquals(Main.OK, run.exitCode(), run::toString);
        assertEquals(List.of("cat run"), run.outLines());
    }

    @Test
    void unknownAnalyzerIsAUsageErrorListingTheValidNames() {
        Run run = Run.withInput("text", "tokenize", "--analyzer", "klingon");
        assertEquals(Main.USAGE, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(run.err().startsWith("lexis: Invalid value for option '--analyzer': unknown analyzer \"klingon\""),
                run::toString);
        assertTrue(run.err().contains("whitespace, standard, english, icu, smartcn"), run::toString);
    }

    @Test
    void malformedUtf8OnStandardInputIsAnErrorNamingTheLine() {
        Run run = Run.withInput("fine\nbad \uFFFF", "tokenize");   // U+FFFF is valid UTF-8: no error
        assertEquals(Main.OK, run.exitCode(), run::toString);

        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        byte[] bytes = {'o', 'k', '\n', 'a', (byte) 0xFF, 'b', '\n'};
        int code = Main.run(new String[] {"tokenize"}, new java.io.ByteArrayInputStream(bytes),
                new java.io.PrintWriter(out), new java.io.PrintWriter(err));
        assertEquals(Main.ERROR, code, err::toString);
        assertEquals("lexis: <stdin>:2: not valid UTF-8 (byte 0xFF at offset 4)", err.toString().strip());
    }
}
