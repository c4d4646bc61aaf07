package dev.agentcore.policylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's pinned tools (make tools): found through the repo.root system property, never skipped. */
final class RepoTools {

    private RepoTools() {
    }

    static Path root() {
        String root = System.getProperty("repo.root");
        assertThat(root).as("system property repo.root (set by the root pom)").isNotNull();
        return Path.of(root);
    }

    static Path require(String relative) {
        Path p = root().resolve(relative);
        assertThat(Files.exists(p)).as(p + " is missing: run 'make tools'").isTrue();
        return p;
    }
}
