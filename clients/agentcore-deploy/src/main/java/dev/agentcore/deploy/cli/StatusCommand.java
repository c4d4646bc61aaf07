package dev.agentcore.deploy.cli;

import dev.agentcore.deploy.output.Console;
import dev.agentcore.deploy.runtimes.DeployedState;
import dev.agentcore.deploy.runtimes.Runtimes;
import dev.agentcore.deploy.runtimes.SmokeCalls;
import dev.agentcore.infra.stacks.RuntimeSpec;
import dev.agentcore.infra.stacks.StackDefinition;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code status}: every stack's state, every runtime's version and endpoints, and (with --ping) a call to each. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "What is deployed: each stack's status, each runtime's id, version, image and status, each endpoint"
                + " and the version it serves; --ping calls each runtime once (health).")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--ping", description = "Call each runtime once (an invocation for agents, tools/list for MCP servers).")
    boolean ping;

    private final Console console;

    public StatusCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Workspace ws = Workspace.open(common);
        try (Session session = new Session(ws, console, common.poll())) {
            var identity = session.identity();
            console.line(ws.plan().environment().name() + " on " + ws.target().describe() + ", account "
                    + identity.account());
            console.step("stacks");
            var stacks = session.stacks();
            for (StackDefinition stack : ws.plan().order()) {
                String name = ws.plan().stackName(stack);
                console.detail(String.format(Locale.ROOT, "%-36s %s", name, stacks.describe(name)
                        .map(s -> s.stackStatusAsString() + (s.lastUpdatedTime() != null ? " (updated " + s.lastUpdatedTime()
                                + ")" : s.creationTime() != null ? " (created " + s.creationTime() + ")" : ""))
                        .orElse("not deployed")));
            }
            console.step("runtimes");
            Runtimes runtimes = session.runtimes();
            var deployed = runtimes.byName();
            boolean healthy = true;
            for (RuntimeSpec spec : ws.runtimes().runtimes()) {
                var summary = deployed.get(spec.name().value());
                if (summary == null) {
                    console.detail(String.format(Locale.ROOT, "%-24s not deployed", spec.name()));
                    continue;
                }
                var runtime = runtimes.get(summary.agentRuntimeId());
                String image = runtime.agentRuntimeArtifact() != null && runtime.agentRuntimeArtifact().containerConfiguration() != null
                        ? runtime.agentRuntimeArtifact().containerConfiguration().containerUri() : "?";
                healthy &= "READY".equals(runtime.statusAsString());
                console.detail(String.format(Locale.ROOT, "%-24s %-30s v%-4s %-14s %s%s", spec.name(), runtime.agentRuntimeId(),
                        runtime.agentRuntimeVersion(), runtime.statusAsString(), image.substring(image.lastIndexOf('/') + 1),
                        Optional.ofNullable(runtime.failureReason()).map(r -> " (" + r + ")").orElse("")));
                for (var endpoint : runtimes.endpoints(summary.agentRuntimeId())) {
                    healthy &= "READY".equals(endpoint.statusAsString());
                    console.detail(String.format(Locale.ROOT, "    endpoint %-10s live v%-4s target v%-4s %s%s", endpoint.name(),
                            endpoint.liveVersion(), Optional.ofNullable(endpoint.targetVersion()).orElse("-"),
                            endpoint.statusAsString(), "READY".equals(endpoint.statusAsString()) ? "" : runtimes
                                    .failureReason(summary.agentRuntimeId(), endpoint.name()).map(r -> " (" + r + ")")
                                    .orElse("")));
                }
            }
            if (ping) {
                console.step("health");
                var state = DeployedState.read(runtimes, ws.runtimes().runtimes(), ws.target().region().id(),
                        identity.account(), ws.allOutputs(), ws.localCognitoBase());
                SmokeCalls calls = session.smokeCalls();
                for (var runtime : state.runtimes()) {
                    var result = calls.call(runtime, state.cognitoSettings(), "DEFAULT");
                    healthy &= result.healthy();
                    console.detail(String.format(Locale.ROOT, "%-24s %s %s", runtime.name(), result.healthy() ? "ok  " : "FAIL",
                            result.detail()));
                }
            }
            return healthy ? ExitCode.OK.status() : ExitCode.FAILED.status();
        }
    }
}
