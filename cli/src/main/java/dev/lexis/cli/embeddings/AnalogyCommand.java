package dev.lexis.cli.embeddings;

import dev.lexis.cli.Subcommand;
import dev.lexis.embeddings.WordVectors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import dev.lexis.cli.args.Command;
import dev.lexis.cli.args.Option;
import dev.lexis.cli.args.UsageException;
import dev.lexis.cli.args.Parameters;

/** {@code lexis analogy}: A is to B as C is to ?, answered by the words nearest to B − A + C. */
@Command(name = "analogy",
        description = {"Answers A is to B as C is to ?: the words nearest to B - A + C (unit vectors, 3CosAdd), "
                + "without A, B and C.",
                "Example: lexis analogy --vectors vectors.bin man king woman"})
public final class AnalogyCommand extends Subcommand {

    @Option(names = "--vectors", required = true, paramLabel = "FILE", description = "Vectors (.bin, .txt, .vec).")
    Path vectorsFile;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Answers printed (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(paramLabel = "A B C", arity = "3", description = "The three words.")
    List<String> words;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new UsageException("--top must be >= 1, got " + top);
        }
        WordVectors v = WordVectors.load(vectorsFile);
        String a = words.get(0);
        String b = words.get(1);
        String c = words.get(2);
        var answers = v.analogy(a, b, c, top);
        out().println(b + " - " + a + " + " + c + ":");
        VectorsOption.print(out(), answers);
        return 0;
    }
}
