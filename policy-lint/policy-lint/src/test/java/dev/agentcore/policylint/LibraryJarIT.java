package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The library jar is the linter alone: in-process callers (the infrastructure tests) get no command-line parser and
 * no test fixtures with it. The command (picocli, the self-check's samples) is policy-lint-cli.
 */
class LibraryJarIT {

    static List<String> entries() throws IOException {
        Path jar = Path.of(System.getProperty("library.jar", "target/policy-lint.jar"));
        assertThat(jar).as("the library jar (built by the package phase)").exists();
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void holdsTheLinterAndNoCommandLineParser() throws IOException {
        List<String> entries = entries();
        assertThat(entries).contains("dev/agentcore/policylint/Linter.class", "dev/agentcore/policylint/Lint.class");
        assertThat(entries).noneMatch(e -> e.startsWith("picocli/")).noneMatch(e -> e.contains("/cli/"));
    }

    @Test
    void holdsNoTestFixture() throws IOException {
        Set<String> fixtures;
        try (Stream<Path> files = Files.walk(LintRun.FIXTURES)) {
            fixtures = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
        assertThat(fixtures).hasSizeGreaterThan(20);
        assertThat(entries()).noneMatch(e -> fixtures.contains(e.substring(e.lastIndexOf('/') + 1)))
                .noneMatch(e -> e.contains("selfcheck"));
    }

    @Test
    void bringsNoCommandLineParserAlong() {
        // The test class path is the library's own dependencies plus test libraries: picocli must be on it through none.
        assertThat(ClassLoader.getSystemResource("picocli/CommandLine.class")).isNull();
        assertThat(Thread.currentThread().getContextClassLoader().getResource("picocli/CommandLine.class")).isNull();
    }
}
