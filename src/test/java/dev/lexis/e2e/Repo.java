package dev.lexis.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Where the end-to-end tests find the repository and the shared data sets. */
final class Repo {

    private Repo() {
    }

    /** The repository root: {@code lexis.root} (set by e2e/pom.xml), else the first parent holding ./lexis. */
    static Path root() {
        String configured = System.getProperty("lexis.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("lexis")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with ./lexis and pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    /**
     * A file of the shared data sets ({@code lexis.shared.data}, default ../shared/data beside the repository);
     * skips the test with a message when it is absent.
     */
    static Path sharedData(String relative) {
        String configured = System.getProperty("lexis.shared.data");
        Path base = configured != null ? Path.of(configured) : root().resolve("../shared/data");
        Path file = base.resolve(relative).normalize();
        Assumptions.assumeTrue(Files.exists(file), () -> "shared data " + file + " is absent (set -Dlexis.shared.data="
                + "DIR or put ../shared/data beside the repository); skipping");
        return file;
    }
}
