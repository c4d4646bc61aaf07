package dev.agentcore.policylint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.agentcore.policylint.Linter;
import dev.agentcore.policylint.config.Config;
import dev.agentcore.policylint.report.SarifReport;
import dev.agentcore.policylint.report.TextReport;
import dev.agentcore.policylint.rule.DeadRuntimeGrant;
import dev.agentcore.policylint.rule.PlaceholderResource;
import dev.agentcore.policylint.runtime.RuntimeFiles;
import dev.agentcore.policylint.runtime.RuntimeSet;
import dev.agentcore.policylint.runtime.RuntimeSourceException;

/**
 * Lints the bundled samples (the library's rule fixtures, which only this command's jar bundles: correct templates,
 * one per rule, the seed's policy) against the seed's runtime and checks that the seed's placeholder is caught. The
 * launcher runs it once to record the JVM's ahead-of-time cache, so that the cache holds the classes and profiles a
 * real lint needs.
 */
final class SelfCheck {

    private SelfCheck() {
    }

    static int run(PrintStream out, PrintStream err) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("policy-lint-self-check");
            extract(dir);
            RuntimeSet runtimes = RuntimeSet.of(RuntimeFiles.read(dir.resolve("runtimes/seed-get-agent-runtime.json")));
            Linter.Result result = new Linter().run(new Linter.Options(
                    List.of(dir.resolve("corpus"), dir.resolve("rules")), List.of(), runtimes, Config.empty(), dir));
            PrintStream sink = new PrintStream(PrintStream.nullOutputStream());
            new TextReport().write(result, sink);
            new SarifReport(dir).write(result, sink);
            Path seed = dir.resolve("rules/seed-infrastructure.yaml");
            boolean ok = result.findings().stream().anyMatch(f -> f.ruleId().equals(PlaceholderResource.INFO.id())
                    && f.region().file().path().equals(seed))
                    && result.findings().stream().anyMatch(f -> f.ruleId().equals(DeadRuntimeGrant.INFO.id()))
                    && result.inputErrors().isEmpty();
            out.println("policy-lint self-check: " + (ok ? "ok" : "FAILED") + " (" + result.findings().size()
                    + " findings in " + result.filesChecked() + " samples)");
            return ok ? PolicyLint.OK : PolicyLint.FINDINGS;
        } catch (IOException | URISyntaxException | RuntimeSourceException e) {
            err.println("policy-lint self-check: " + e.getMessage());
            return PolicyLint.USAGE;
        } finally {
            delete(dir);
        }
    }

    /** Copies the samples out of the jar (or the classes directory) into {@code dir}. */
    private static void extract(Path dir) throws IOException, URISyntaxException {
        URI uri = SelfCheck.class.getResource("selfcheck").toURI();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copy(jar.provider().getPath(uri), dir);
            }
        } else {
            copy(Path.of(uri), dir);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
