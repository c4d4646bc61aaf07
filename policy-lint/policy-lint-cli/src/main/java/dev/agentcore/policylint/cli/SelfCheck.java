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

import dev.agentcore.policylint.Lint;
import dev.agentcore.policylint.LintOutcome;
import dev.agentcore.policylint.LintRequest;
import dev.agentcore.policylint.Linter;
import dev.agentcore.policylint.config.Config;
import dev.agentcore.policylint.config.ConfigSource;
import dev.agentcore.policylint.report.Report;
import dev.agentcore.policylint.report.ReportFormat;
import dev.agentcore.policylint.rule.DeadRuntimeGrant;
import dev.agentcore.policylint.rule.PlaceholderResource;

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
            // The way a real run goes (a request, the nearest config file, the runtimes file, every report), so that
            // the AOT cache holds those classes and call sites too.
            Files.writeString(dir.resolve(Config.NAMES.getFirst()), "fail-on: error\n");
            LintOutcome outcome = Lint.run(LintRequest.in(dir).paths(dir.resolve("corpus"), dir.resolve("rules"))
                    .runtimeFiles(dir.resolve("runtimes/seed-get-agent-runtime.json")).config(ConfigSource.nearest()).build());
            if (!(outcome instanceof LintOutcome.Linted linted)) {
                err.println("policy-lint self-check: " + ((LintOutcome.Refused) outcome).message());
                return PolicyLint.USAGE;
            }
            Linter.Result result = linted.result();
            PrintStream sink = new PrintStream(PrintStream.nullOutputStream());
            for (ReportFormat format : ReportFormat.values()) {
                Report.of(format, dir).write(result, sink);
            }
            Path seed = dir.resolve("rules/seed-infrastructure.yaml");
            boolean ok = result.findings().stream().anyMatch(f -> f.ruleId().equals(PlaceholderResource.INFO.id())
                    && f.region().file().path().equals(seed))
                    && result.findings().stream().anyMatch(f -> f.ruleId().equals(DeadRuntimeGrant.INFO.id()))
                    && result.inputErrors().isEmpty();
            out.println("policy-lint self-check: " + (ok ? "ok" : "FAILED") + " (" + result.findings().size()
                    + " findings in " + result.filesChecked() + " samples)");
            return ok ? PolicyLint.OK : PolicyLint.FINDINGS;
        } catch (IOException | URISyntaxException e) {
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
