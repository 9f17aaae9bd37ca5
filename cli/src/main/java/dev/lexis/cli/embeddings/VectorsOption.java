package dev.lexis.cli.embeddings;

import dev.lexis.embeddings.Neighbor;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Shared printing of neighbour lists. */
final class VectorsOption {

    private VectorsOption() {
    }

    static void print(PrintWriter out, List<Neighbor> neighbors) {
        int width = neighbors.stream().mapToInt(n -> n.word().length()).max().orElse(4);
        for (int i = 0; i < neighbors.size(); i++) {
            Neighbor n = neighbors.get(i);
            out.printf(Locale.ROOT, "%3d  %-" + width + "s  %.4f%n", i + 1, n.word(), n.similarity());
        }
    }
}
