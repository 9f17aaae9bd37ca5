package dev.lexis.corpora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllCorpusTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsSentencesSkippingDocStart() throws IOException {
        Path file = write("train.txt", "-DOCSTART- -X- O O\n\nConfidence NN B-NP\nin IN B-PP\n\n\n"
                + "the DT B-NP\r\npound  NN\tI-NP\n");
        ConllCorpus corpus = ConllCorpus.of(file);
        List<ConllSentence> sentences = corpus.readAll();
        assertEquals(2, sentences.size());
        assertArrayEquals(new String[] {"Confidence", "in"}, sentences.get(0).tokens());
        assertArrayEquals(new String[] {"B-NP", "B-PP"}, sentences.get(0).tags());
        assertArrayEquals(new String[] {"NN", "IN"}, sentences.get(0).column(1));
        assertArrayEquals(new String[] {"the", "DT", "B-NP"}, sentences.get(1).row(0));
        assertEquals(3, sentences.get(0).firstLine());
        assertEquals(7, sentences.get(1).firstLine());
        assertEquals(3, sentences.get(1).columnCount());
        ConllSummary summary = corpus.forEach(s -> { });
        assertEquals(new ConllSummary(2, 4, 1, 0), summary);
        ConllSentence pos = ConllCorpus.of(file, ConllOptions.defaults().withTagColumn(1)).readAll().get(1);
        assertArrayEquals(new String[] {"DT", "NN"}, pos.tags());
        assertEquals("the/DT pound/NN", pos.toString());
    }

    @Test
    void raggedRowIsAnErrorNamingFileAndLine() throws IOException {
        Path file = write("train.txt", "Confidence NN B-NP\nin IN B-PP\n\nthe DT\n");
        CorpusException e = assertThrows(CorpusException.class, () -> ConllCorpus.of(file).readAll());
        assertEquals(file + ":4: expected 3 columns (as on line 1), found 2 (columns are separated by spaces or tabs)",
                e.getMessage());
    }

    @Test
    void tabSeparatedColumnsMayHoldSpaces() throws IOException {
        Path file = write("ner.tsv", "# sent 1\nNew York\tB-LOC\nis\tO\n");
        ConllOptions options = ConllOptions.defaults().withSeparator(ConllOptions.Separator.TAB)
                .withCommentPrefix("#");
        List<ConllSentence> sentences = ConllCorpus.of(file, options).readAll();
        assertArrayEquals(new String[] {"New York", "is"}, sentences.get(0).tokens());
        assertEquals(1, ConllCorpus.of(file, options).forEach(s -> { }).comments());
    }

    @Test
    void columnOutsideTheRowsIsNamed() throws IOException {
        Path file = write("train.txt", "a NN\n");
        CorpusException e = assertThrows(CorpusException.class,
                () -> ConllCorpus.of(file, ConllOptions.defaults().withTagColumn(4)).readAll());
        assertEquals(file + ":1: the tag column (4) is outside the 2 columns of the first row", e.getMessage());
    }

    @Test
    void filesOfAFolderStartNewSentencesAndColumnCounts() throws IOException {
        write("c/a.txt", "x NN\ny NN");
        write("c/b.txt", "z NN B\n");
        List<ConllSentence> sentences = ConllCorpus.of(dir.resolve("c")).readAll();
        assertEquals(2, sentences.size());
        assertArrayEquals(new String[] {"B"}, sentences.get(1).tags());
        assertEquals(dir.resolve("c/b.txt"), sentences.get(1).file());
    }

    @Test
    void nonUtf8BytesAndMissingFilesAreNamed() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "a NN\n\ncaf\u00e9 NN\n".getBytes(StandardCharsets.ISO_8859_1));
        CorpusException e = assertThrows(CorpusException.class, () -> ConllCorpus.of(file).readAll());
        assertEquals(file + ":3: not valid UTF-8 (byte 0xE9 at offset 9); convert the file to UTF-8, or replace bad"
                + " bytes with U+FFFD (replace-malformed option)", e.getMessage());
        Path missing = dir.resolve("missing.txt");
        assertEquals(missing + ": no such file or folder",
                assertThrows(CorpusException.class, () -> ConllCorpus.of(missing)).getMessage());
    }
}
