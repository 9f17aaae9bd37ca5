package dev.lexis.corpora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlashTaggedCorpusTest {
    @TempDir
    Path dir;

    @Test
    void splitsAtTheLastSlashAndIgnoresLeadingTabFields() throws IOException {
        Path file = dir.resolve("tagged.txt");
        Files.writeString(file, "ca01\tnews\tThe/at 1/2/cd ``/`` Jury/nn-tl\n\nplain/nn text/nn\n");
        List<ConllSentence> sentences = SlashTaggedCorpus.of(file).readAll();
        assertEquals(2, sentences.size());
        assertArrayEquals(new String[] {"The", "1/2", "``", "Jury"}, sentences.get(0).tokens());
        assertArrayEquals(new String[] {"at", "cd", "``", "nn-tl"}, sentences.get(0).tags());
        assertEquals(3, sentences.get(1).firstLine());
    }

    @Test
    void tokenWithoutTagIsNamed() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "ok/nn\nThe/at jury\n");
        CorpusException e = assertThrows(CorpusException.class, () -> SlashTaggedCorpus.of(file).readAll());
        assertEquals(file + ":2: token 2 (\"jury\") has no /tag; expected word/tag tokens separated by spaces",
                e.getMessage());
    }
}
