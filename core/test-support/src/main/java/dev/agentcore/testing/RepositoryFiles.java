package dev.agentcore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository a test runs in and the tools {@code make tools} pins into it. A missing tool fails the test with the
 * command that installs it: tests that need the real reference never skip.
 */
public final class RepositoryFiles {

    private static final String INSTALL = "run `make tools` at the repository root";

    private RepositoryFiles() {
    }

    /** The {@code repo.root} system property the root pom sets; from an IDE, the nearest folder holding {@code mvnw}. */
    public static Path root() {
        String configured = System.getProperty("repo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("core"))) {
                return dir;
            }
        }
        throw new AssertionError("system property repo.root is not set and no parent folder holds mvnw; run the tests"
                + " through Maven (make test)");
    }

    /** A file or folder of the repository that must exist, such as {@code .venv/bin/pre-commit}. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new AssertionError(path + " is missing: " + INSTALL);
        }
        return path;
    }

    /** The pinned Python ({@code .venv/bin/python}). */
    public static Path python() {
        return require(".venv/bin/python");
    }

    /** The {@code .venv} site-packages folder that holds the Python package {@code name}, such as {@code cfnlint}. */
    public static Path sitePackagesWith(String name) {
        Path lib = require(".venv/lib");
        try (Stream<Path> pythons = Files.list(lib)) {
            return pythons.map(p -> p.resolve("site-packages")).filter(p -> Files.isDirectory(p.resolve(name)))
                    .max(Comparator.naturalOrder())
                    .orElseThrow(() -> new AssertionError(name + " is not installed in " + lib + ": " + INSTALL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest API version of botocore's model of an AWS service ({@code service-2.json}, plain or gzipped). */
    public static JsonNode botocoreModel(String service) {
        Path dir = sitePackagesWith("botocore").resolve("botocore/data").resolve(service);
        try (Stream<Path> versions = Files.list(dir)) {
            Path version = versions.filter(Files::isDirectory).max(Comparator.naturalOrder())
                    .orElseThrow(() -> new AssertionError("botocore has no model of " + service + " in " + dir));
            Path plain = version.resolve("service-2.json");
            try (InputStream in = Files.exists(plain) ? Files.newInputStream(plain)
                    : new GZIPInputStream(Files.newInputStream(version.resolve("service-2.json.gz")))) {
                return JsonMapper.shared().readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read botocore's model of " + service + " in " + dir, e);
        }
    }

    /** The version of an installed Python distribution ({@code cfn_lint}, {@code botocore}), from its dist-info. */
    public static Optional<String> distributionVersion(String distribution) {
        String prefix = distribution + "-";
        try (Stream<Path> infos = Files.find(require(".venv/lib"), 3, (p, a) -> a.isDirectory()
                && p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".dist-info"))) {
            return infos.map(p -> p.getFileName().toString())
                    .map(n -> n.substring(prefix.length(), n.length() - ".dist-info".length()))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
