package dev.lexis.embeddings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Regenerates the golden vector files in {@code src/test/resources/dev/lexis/embeddings/}:
 * {@code golden.bin} (word2vec binary) and {@code golden.txt} (word2vec text). Three words (one of them
 * non-ASCII), dimension 4, values exactly representable in binary and decimal. Run with the resources folder
 * as argument; the files were checked to load identically in gensim 4.2
 * ({@code KeyedVectors.load_word2vec_format(path, binary=...)}).
 */
final class GoldenVectors {

    static final List<String> WORDS = List.of("the", "king", "königin");
    static final float[] MATRIX = {
        0.5f, -0.25f, 1.0f, 0.125f,
        -1.5f, 2.0f, 0.0f, 0.75f,
        0.375f, -0.0625f, 3.5f, -2.0f,
    };

    private GoldenVectors() {
    }

    static WordVectors vectors() {
        return WordVectors.of(WORDS, MATRIX, 4);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        vectors().save(dir.resolve("golden.bin"));
        vectors().save(dir.resolve("golden.txt"));
    }
}
