package dev.agentcore.policylint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
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
 *
 * <p>It goes the way a pre-commit run goes (a request, the nearest config file, a text report) and loads little else:
 * every class the training run loads is loaded again at each start from the cache, used or not. A cache trained with
 * the JSON and SARIF reports, picocli and a zip file system held twice the classes and made a one-template lint some
 * 20 ms slower (docs/benchmarks.md); those runs load what they need from the jar.
 */
final class SelfCheck {

    private static final String SAMPLES = "selfcheck";

    private SelfCheck() {
    }

    static int run(PrintStream out, PrintStream err) {
        Path dir = null;
        try {
            dir = temporaryDirectory();
            extract(dir);
            Files.writeString(dir.resolve(Config.NAMES.getFirst()), "fail-on: error\n");
            LintOutcome outcome = Lint.run(LintRequest.in(dir).paths(dir.resolve("corpus"), dir.resolve("rules"))
                    .runtimeFiles(dir.resolve("runtimes/seed-get-agent-runtime.json")).config(ConfigSource.nearest()).build());
            if (!(outcome instanceof LintOutcome.Linted linted)) {
                err.println("policy-lint self-check: " + ((LintOutcome.Refused) outcome).message());
                return PolicyLint.USAGE;
            }
            Linter.Result result = linted.result();
            Report.of(ReportFormat.TEXT, dir).write(result, new PrintStream(PrintStream.nullOutputStream()));
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

    /** A new directory under java.io.tmpdir; not Files.createTempDirectory, whose SecureRandom loads the security providers. */
    private static Path temporaryDirectory() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createDirectory(tmp.resolve("policy-lint-self-check-" + ProcessHandle.current().pid() + "-"
                        + System.nanoTime()));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Copies the samples out of the jar (read as the class loader reads it) or the classes directory into {@code dir}. */
    private static void extract(Path dir) throws IOException, URISyntaxException {
        URI uri = SelfCheck.class.getResource(SAMPLES).toURI();
        if (!uri.getScheme().equals("jar")) {
            copy(Path.of(uri), dir);
            return;
        }
        String spec = uri.getRawSchemeSpecificPart();
        Path jarFile = Path.of(URI.create(spec.substring(0, spec.indexOf("!/"))));
        String prefix = SelfCheck.class.getPackageName().replace('.', '/') + "/" + SAMPLES + "/";
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                if (!e.getName().startsWith(prefix) || e.isDirectory()) {
                    continue;
                }
                Path target = dir.resolve(e.getName().substring(prefix.length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(e)) {
                    Files.write(target, withoutExpectations(in.readAllBytes()));
                }
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.write(target, withoutExpectations(Files.readAllBytes(f)));
                }
            }
        }
    }

    /**
     * The sample with its fixture comments ({@code # expect: ...}, {@code # runtimes: ...}) blanked, as FixtureTest lints
     * them: a JSON sample is then JSON, read as a JSON template is, not by the YAML reader that the comments would
     * send it to (which would put the YAML libraries in the cache, loaded at every start).
     */
    static byte[] withoutExpectations(byte[] sample) {
        String text = new String(sample, StandardCharsets.UTF_8);
        return FIXTURE_COMMENT.matcher(text).replaceAll(m -> " ".repeat(m.group().length())).getBytes(StandardCharsets.UTF_8);
    }

    private static final Pattern FIXTURE_COMMENT = Pattern.compile("(?m)^[ \\t]*# (?:expect|runtimes):.*$");

    /** Deletes {@code path} and what is under it; a temp directory left behind is harmless. */
    private static void delete(Path path) {
        if (path == null) {
            return;
        }
        try {
            if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                    for (Path child : children) {
                        delete(child);
                    }
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left behind
        }
    }
}
