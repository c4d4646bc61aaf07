package dev.agentcore.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.deploy.output.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make bench-deploy}: a first full deploy to the local AgentCore and a no-change redeploy, interleaved (first,
 * redeploy, destroy; again), medians written to the deploy section of docs/benchmarks.md. Runs only with
 * {@code -Dbench.deploy=true}.
 */
@EnabledIfSystemProperty(named = "bench.deploy", matches = "true")
class DeployBenchmark {

    static final int RUNS = 5;

    @TempDir
    Path temp;

    @Test
    void firstDeployAndNoChangeRedeploy() throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        try (LocalDeployStack stack = LocalDeployStack.start(temp.resolve("local"))) {
            Path workspace = LocalDeployTest.workspace(temp.resolve("repo"));
            for (int i = 0; i < RUNS; i++) {
                first.add(timed(stack, workspace, "deploy"));
                again.add(timed(stack, workspace, "deploy"));
                assertThat(run(stack, workspace, "destroy", "--delete-repositories")).isZero();
            }
        }
        String section = """
                <!-- BEGIN deploy -->
                ## Deploy tool: a first full local deploy and a no-change redeploy

                `make bench-deploy` (clients/agentcore-deploy `DeployBenchmark`): `agentcore-deploy deploy` against the local
                AgentCore (in-process) and moto with the AgentCore types, %d interleaved rounds of a first deploy of every
                stack of the plan (infra/stacks.json expanded by runtimes.json: 22 stacks, 4 runtimes and their 12 endpoints; images copied into the local image
                store, MMDSv2 set through the control plane, READY, state file, a smoke call to each runtime, policy-lint
                before and after), a second deploy with no changes (change sets found empty, images already there,
                smoke calls again), then `destroy --delete-repositories`. The images are the hello agent's and
                mcp-echo's Jib tars, built before the clock starts (a module's Jib build is minutes of Maven on this
                machine the first time and is skipped while its archive is newer than its sources).
                Machine: 2 cores shared with other builds, %s.

                | | median | min | max | target |
                |---|---|---|---|---|
                | first full deploy | **%.1f s** | %.1f s | %.1f s | under 60 s |
                | no-change redeploy | **%.1f s** | %.1f s | %.1f s | under 10 s |
                <!-- END deploy -->
                """;
        section = String.format(java.util.Locale.ROOT, section, RUNS, "JDK " + Runtime.version().feature(), median(first), min(first), max(first),
                median(again), min(again), max(again));
        Path page = Path.of(System.getProperty("repo.root")).resolve("docs/benchmarks.md");
        String text = Files.readString(page);
        int begin = text.indexOf("<!-- BEGIN deploy -->");
        int end = text.indexOf("<!-- END deploy -->");
        text = begin >= 0 && end > begin ? text.substring(0, begin) + section.strip() + text.substring(end
                + "<!-- END deploy -->".length()) : text.stripTrailing() + "\n\n" + section;
        Files.writeString(page, text);
        System.out.println(section);
    }

    private static double timed(LocalDeployStack stack, Path workspace, String... args) {
        long start = System.nanoTime();
        assertThat(run(stack, workspace, args)).isZero();
        return (System.nanoTime() - start) / 1e9;
    }

    private static int run(LocalDeployStack stack, Path workspace, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), false);
        int exit = stack.run(console, workspace, args);
        if (exit != 0) {
            System.out.println(out.toString(StandardCharsets.UTF_8));
        }
        return exit;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

}
