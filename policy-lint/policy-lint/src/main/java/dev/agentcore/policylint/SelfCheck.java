package dev.agentcore.policylint;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.agentcore.policylint.config.Config;
import dev.agentcore.policylint.report.TextReport;
import dev.agentcore.policylint.runtime.RuntimeFiles;
import dev.agentcore.policylint.runtime.RuntimeSet;
import dev.agentcore.policylint.runtime.RuntimeSourceException;

/**
 * Lints bundled samples (the seed's template against its runtime, a CDK synth output) and checks the findings. The
 * launcher runs it once to record the JVM's ahead-of-time cache, so that the cache holds what a real lint loads.
 */
final class SelfCheck {

    private static final List<String> SAMPLES = List.of("seed.yaml", "AgentStack.template.json", "runtimes.json");

    private SelfCheck() {
    }

    static int run(PrintStream out, PrintStream err) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("policy-lint-self-check");
            for (String name : SAMPLES) {
                try (InputStream in = SelfCheck.class.getResourceAsStream("selfcheck/" + name)) {
                    Files.copy(in, dir.resolve(name));
                }
            }
            RuntimeSet runtimes = RuntimeSet.of(RuntimeFiles.read(dir.resolve("runtimes.json")));
            Linter.Result result = new Linter().run(new Linter.Options(
                    List.of(dir.resolve("seed.yaml"), dir.resolve("AgentStack.template.json")), List.of(), runtimes,
                    Config.empty(), dir));
            new TextReport().write(result, new PrintStream(PrintStream.nullOutputStream()));
            List<String> rules = result.findings().stream().map(f -> f.ruleId()).toList();
            boolean ok = rules.contains("PL100") && rules.contains("PL110") && result.inputErrors().isEmpty();
            out.println("policy-lint self-check: " + (ok ? "ok" : "FAILED, found " + rules));
            return ok ? PolicyLint.OK : PolicyLint.FINDINGS;
        } catch (IOException | RuntimeSourceException e) {
            err.println("policy-lint self-check: " + e.getMessage());
            return PolicyLint.USAGE;
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    // a temp directory left behind is harmless
                }
            }
        }
    }
}
