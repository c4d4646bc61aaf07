package dev.agentcore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the repository under test: surefire passes its root as {@code repo.root}. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        return dev.agentcore.testing.RepositoryFiles.root();
    }

    public static Path infra() {
        return root().resolve("infra");
    }

    /** Every template under infra/templates, found by walking the folder so a new one cannot be forgotten. */
    public static List<Path> templates() {
        try (Stream<Path> files = Files.walk(infra().resolve("templates"))) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A known-bad fixture from src/test/resources/known-bad. */
    public static Path knownBad(String name) {
        return infra().resolve("infra-validation/src/test/resources/known-bad").resolve(name);
    }
}
