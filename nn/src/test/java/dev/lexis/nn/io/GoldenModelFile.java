package dev.lexis.nn.io;

import dev.lexis.nn.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tiny golden model file {@code src/test/resources/dev/lexis/nn/io/golden-v1.lexis} (format version 1)
 * and the method that regenerates it. Later format versions must keep reading it.
 *
 * <p>Regenerate (only when deliberately changing version 1, which should never happen) from {@code nn/}:
 * {@code java -cp target/classes:target/test-classes dev.lexis.nn.io.GoldenModelFile src/test/resources/dev/lexis/nn/io/golden-v1.lexis}
 */
public final class GoldenModelFile {
    private GoldenModelFile() {
    }

    /** The contents of the golden file. */
    public static ModelFile contents() {
        return ModelFile.builder("golden")
                .config("embeddingDim", "3")
                .config("note", "Grüße, 世界")
                .vocabulary(List.of("</s>", "the", "naïve", "😀"), new long[] {10, 7, 2, 1})
                .tensor("embedding", Tensor.of(new float[] {0.5f, -1f, 2.25f, 0f, -0f, 1e-3f,
                        Float.MIN_VALUE, Float.MAX_VALUE, -3.5f, 1f, 2f, 3f}, 4, 3))
                .tensor("dense0.bias", Tensor.of(new float[] {0.125f, -0.25f}, 2))
                .tensor("scale", Tensor.scalar(42f))
                .strings("labels", List.of("neg", "pos"))
                .ints("codes", new int[] {0, 1, -1, Integer.MAX_VALUE})
                .build();
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "src/test/resources/dev/lexis/nn/io/golden-v1.lexis");
        contents().save(target);
        System.out.println("wrote " + target);
    }
}
