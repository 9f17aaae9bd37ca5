package dev.lexis.corpora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsHeaderQuotingAndMultiLineFields() throws IOException {
        Path file = write("reviews.csv", "label,text\npos,\"good, really \"\"good\"\"\"\r\nneg,plain text\n"
                + "pos,\"two\nlines\"\n\nneg,last\n");
        LabelledDataset data = LabelledCsv.of(file).readAll();
        // the source is the line where the row starts (line 5 holds the end of the two-line field, line 6 is blank)
        assertEquals(List.of(new LabelledText("pos", "good, really \"good\"", file + ":2"),
                new LabelledText("neg", "plain text", file + ":3"), new LabelledText("pos", "two\nlines", file + ":4"),
                new LabelledText("neg", "last", file + ":7")), data.rows());
        assertEquals(file + ":4: ", data.rows().get(2).where());
        assertEquals(List.of("label", "text"), data.summary().header());
        assertEquals(1, data.summary().blankLines());
        assertEquals(List.of("neg", "pos"), data.labels());
        assertEquals(2, data.labelCounts().get("pos"));
    }

    @Test
    void columnsByNameOrIndexWithoutHeader() throws IOException {
        Path named = write("named.tsv", "id\ttext\tsentiment\n1\tfine day\tpos\n2\tbad day\tneg\n");
        CsvOptions byName = CsvOptions.defaults().withLabel(Column.named("sentiment")).withText(Column.named("TEXT"));
        assertEquals(List.of(new LabelledText("pos", "fine day", named + ":2"),
                new LabelledText("neg", "bad day", named + ":3")), LabelledCsv.of(named, byName).readAll().rows());
        Path plain = write("plain.csv", "fine day,pos\nbad day,neg\n");
        CsvOptions byIndex = CsvOptions.defaults().withLabel(Column.at(-1)).withText(Column.at(0));
        LabelledDataset data = LabelledCsv.of(plain, byIndex).readAll();
        assertEquals(List.of(new LabelledText("pos", "fine day", plain + ":1"),
                new LabelledText("neg", "bad day", plain + ":2")), data.rows());
        assertEquals(List.of(), data.summary().header());
        assertEquals(Column.at(2), Column.parse("2"));
        assertEquals(Column.named("label"), Column.parse("label"));
    }

    @Test
    void missingHeaderColumnIsNamed() throws IOException {
        Path file = write("reviews.csv", "label,text\npos,good\n");
        CorpusException e = assertThrows(CorpusException.class, () -> LabelledCsv.of(file,
                CsvOptions.defaults().withLabel(Column.named("sentiment"))).readAll());
        assertEquals(file + ":1: no column \"sentiment\" (for the label) in the header (label, text)", e.getMessage());
    }

    @Test
    void wrongColumnCountNamesFileLineAndExpectation() throws IOException {
        Path file = write("reviews.csv", "label,text\npos,\"multi\nline\"\nneg,one, two\n");
        CorpusException e = assertThrows(CorpusException.class, () -> LabelledCsv.of(file).readAll());
        assertEquals(file + ":4: expected 2 columns (label, text), found 3; a field holding the delimiter must be"
                + " quoted", e.getMessage());
        Path noHeader = write("plain.csv", "pos,a\nneg\n");
        CorpusException short_ = assertThrows(CorpusException.class, () -> LabelledCsv.of(noHeader).readAll());
        assertTrue(short_.getMessage().startsWith(noHeader + ":2: expected 2 columns (as on the first row), found 1"),
                short_.getMessage());
    }

    @Test
    void unclosedQuoteNamesTheLineWhereItOpens() throws IOException {
        Path file = write("reviews.csv", "label,text\npos,fine\nneg,\"never closed\npos,more\npos,text\n");
        CorpusException e = assertThrows(CorpusException.class, () -> LabelledCsv.of(file).readAll());
        assertEquals(file + ":3: unclosed quote: the quoted field that starts on this line never ends (a quote"
                + " inside a quoted field must be doubled: \"\")", e.getMessage());
        Path stray = write("stray.csv", "label,text\npos,\"quoted\" then more\n");
        CorpusException after = assertThrows(CorpusException.class, () -> LabelledCsv.of(stray).readAll());
        assertTrue(after.getMessage().startsWith(stray + ":2: text after the closing quote of a field"),
                after.getMessage());
    }

    @Test
    void emptyTextsAreCountedAndSkippedOrRefusedInStrictMode() throws IOException {
        Path file = write("reviews.csv", "label,text\npos,good\nneg,  \n,orphan\npos,fine\n");
        LabelledDataset data = LabelledCsv.of(file).readAll();
        assertEquals(2, data.size());
        assertEquals(1, data.summary().emptyTexts());
        assertEquals(1, data.summary().emptyLabels());
        CorpusException e = assertThrows(CorpusException.class,
                () -> LabelledCsv.of(file, CsvOptions.defaults().withStrict(true)).readAll());
        assertEquals(file + ":3: empty text (label \"neg\")", e.getMessage());
        Path noLabel = write("labels.csv", "label,text\npos,good\n ,orphan\n");
        assertEquals(noLabel + ":3: empty label", assertThrows(CorpusException.class,
                () -> LabelledCsv.of(noLabel, CsvOptions.defaults().withStrict(true)).readAll()).getMessage());
    }

    @Test
    void classificationOptionsKeepEmptyTextsAndRefuseEmptyLabels() throws IOException {
        Path file = write("reviews.csv", "text,label\ngood,pos\n\"\",neg\n");
        LabelledDataset data = LabelledCsv.of(file, CsvOptions.forClassification("label", "text")).readAll();
        assertEquals(List.of(new LabelledText("pos", "good", file + ":2"), new LabelledText("neg", "", file + ":3")),
                data.rows());
        assertEquals(0, data.summary().emptyTexts());
        Path noLabel = write("labels.csv", "label,text\npos,good\n,orphan\n");
        assertEquals(noLabel + ":3: empty label", assertThrows(CorpusException.class,
                () -> LabelledCsv.of(noLabel, CsvOptions.forClassification("label", "text")).readAll()).getMessage());
        CsvOptions byIndex = CsvOptions.forClassification("1", "0");
        assertEquals(Column.at(1), byIndex.label());
        assertTrue(byIndex.strict() && byIndex.keepEmptyTexts());
    }

    @Test
    void aRequiredHeaderInAnEmptyFileIsNamed() throws IOException {
        Path file = write("empty.csv", "");
        assertEquals(file + ": empty file; expected a header naming the label column \"label\" and the text column "
                + "\"text\"", assertThrows(CorpusException.class,
                () -> LabelledCsv.of(file, CsvOptions.forClassification("label", "text")).readAll()).getMessage());
        assertEquals(0, LabelledCsv.of(file).readAll().size(), "without a required header: no rows");
    }

    @Test
    void aShortRowGetsNoQuotingHint() throws IOException {
        Path file = write("data.csv", "label,text\npos,fine\nneg\n");
        CorpusException e = assertThrows(CorpusException.class, () -> LabelledCsv.of(file).readAll());
        assertEquals(file + ":3: expected 2 columns (label, text), found 1", e.getMessage());
    }

    @Test
    void inMemoryExamplesHaveNoSourceAndNeedALabel() {
        LabelledText t = new LabelledText("pos", "fine");
        assertEquals("", t.source());
        assertEquals("", t.where());
        assertEquals("mr.csv:4: label must be non-blank, got \" \"", assertThrows(IllegalArgumentException.class,
                () -> new LabelledText(" ", "x", "mr.csv:4")).getMessage());
        assertEquals("", new LabelledText("pos", "", null).source());
    }

    @Test
    void unquotedTsvKeepsQuotesLiterally() throws IOException {
        Path file = write("data.tsv", "label\ttext\npos\t\"hi\" he said\n");
        CorpusException quoted = assertThrows(CorpusException.class, () -> LabelledCsv.of(file).readAll());
        assertTrue(quoted.getMessage().startsWith(file + ":2: text after the closing quote"), quoted.getMessage());
        assertEquals(List.of(new LabelledText("pos", "\"hi\" he said", file + ":2")),
                LabelledCsv.of(file, CsvOptions.defaults().withQuoting(false)).readAll().rows());
    }

    @Test
    void nonUtf8BytesNameFileLineAndOffset() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "label,text\npos,good\nneg,café\n".getBytes(StandardCharsets.ISO_8859_1));
        CorpusException e = assertThrows(CorpusException.class, () -> LabelledCsv.of(file).readAll());
        assertTrue(e.getMessage().startsWith(file + ":3: not valid UTF-8 (byte 0xE9 at offset 27)"), e.getMessage());
    }

    @Test
    void bomIsDroppedAndMissingFileIsNamed() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.write(file, "\uFEFFlabel,text\npos,good\n".getBytes(StandardCharsets.UTF_8));
        LabelledDataset data = LabelledCsv.of(file).readAll();
        assertEquals(List.of("label", "text"), data.summary().header());
        assertEquals(1, data.size());
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": no such file or folder",
                assertThrows(CorpusException.class, () -> LabelledCsv.of(missing)).getMessage());
    }

    @Test
    void streamsRowsOneAtATime() throws IOException {
        StringBuilder text = new StringBuilder("label,text\n");
        for (int i = 0; i < 5000; i++) {
            text.append(i % 2 == 0 ? "even" : "odd").append(",\"row ").append(i).append(", with comma\"\n");
        }
        Path file = write("many.csv", text.toString());
        List<String> labels = new ArrayList<>();
        CsvSummary summary = LabelledCsv.of(file).forEach(row -> labels.add(row.label()));
        assertEquals(5000, summary.rows());
        assertEquals("odd", labels.get(4999));
    }

    @Test
    void readsGzippedTsvByExtension() throws IOException {
        Path file = dir.resolve("data.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("label\ttext\npos\tgood, fine\n".getBytes(StandardCharsets.UTF_8));
        }
        LabelledCsv csv = LabelledCsv.of(file);
        assertEquals('\t', csv.delimiter());
        assertEquals(List.of(new LabelledText("pos", "good, fine", file + ":2")), csv.readAll().rows());
    }

    @Test
    void lineNumbersCountCrLfBlankLinesAndQuotedNewlines() throws IOException {
        Path file = write("crlf.csv", "label,text\r\n\r\npos,\"a\r\nb\"\r\nneg,fine\r\nneg,x,y\r\n");
        CorpusException e = assertThrows(CorpusException.class, () -> LabelledCsv.of(file).readAll());
        assertTrue(e.getMessage().startsWith(file + ":6: expected 2 columns (label, text), found 3"), e.getMessage());
    }
}
