package dev.agentcore.deploy.cli;

import dev.agentcore.core.state.StateFileException;
import dev.agentcore.deploy.output.Console;
import dev.agentcore.deploy.runtimes.DeployedState;
import dev.agentcore.deploy.runtimes.Runtimes;
import dev.agentcore.infra.stacks.RuntimeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** {@code promote}: moves a stage's endpoint to a version, waits for it, checks it with a call. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Point the endpoint STAGE of each runtime (or of the RUNTIMEs named) at version N through the control"
                + " plane, wait until it serves N, then call it once through that qualifier.")
public final class PromoteCommand implements Callable<Integer> {

    enum Stage { dev, uat, prod }

    @Mixin
    CommonOptions common;

    @Option(names = "--stage", required = true, paramLabel = "dev|uat|prod", description = "The endpoint to move.")
    Stage stage;

    @Option(names = "--version", required = true, paramLabel = "N", description = "The runtime version it serves.")
    int version;

    @Parameters(paramLabel = "RUNTIME", arity = "0..*", description = "Runtimes of runtimes.json (default: all of them).")
    List<String> names = List.of();

    private final Console console;

    public PromoteCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Workspace ws = Workspace.open(common);
        List<RuntimeSpec> chosen = ws.runtimes().runtimes().stream()
                .filter(r -> names.isEmpty() || names.contains(r.name().value())).toList();
        if (chosen.size() < Math.max(1, names.size())) {
            throw new DeployException(ExitCode.USAGE, "unknown runtime in " + names + "; runtimes.json has "
                    + ws.runtimes().names());
        }
        try (Session session = new Session(ws, console, common.poll())) {
            var identity = session.identity();
            Runtimes runtimes = session.runtimes();
            var deployed = runtimes.byName();
            List<String> failures = new ArrayList<>();
            for (RuntimeSpec spec : chosen) {
                var runtime = deployed.get(spec.name().value());
                if (runtime == null) {
                    failures.add(spec.name() + " is not deployed; deploy first");
                    continue;
                }
                String id = runtime.agentRuntimeId();
                console.step(spec.name() + ": endpoint " + stage + " -> version " + version);
                try {
                    runtimes.client().updateAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName(stage.name())
                            .agentRuntimeVersion(Integer.toString(version)));
                } catch (AwsServiceException e) {
                    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
                    throw session.diagnosed(code, "UpdateAgentRuntimeEndpoint " + stage + " of " + id, e,
                            code.contains("AccessDenied") ? ExitCode.CREDENTIALS : ExitCode.FAILED);
                }
                failures.addAll(runtimes.awaitEndpoints(id));
                var endpoint = runtimes.client().getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName(stage.name()));
                if (!Integer.toString(version).equals(endpoint.liveVersion())) {
                    failures.add(spec.name() + ": endpoint " + stage + " serves version " + endpoint.liveVersion()
                            + ", not " + version);
                    continue;
                }
                console.detail("live version " + endpoint.liveVersion());
            }
            var state = DeployedState.read(runtimes, ws.runtimes().runtimes(), ws.target().region().id(),
                    identity.account(), ws.allOutputs(), ws.localCognitoBase());
            try {
                state.write(ws.stateFile());
            } catch (StateFileException e) {
                throw new DeployException(ExitCode.FAILED, "cannot write " + ws.stateFile() + ": " + e.getMessage());
            }
            var calls = session.smokeCalls();
            for (var runtime : state.runtimes()) {
                if (chosen.stream().noneMatch(r -> r.name().value().equals(runtime.name()))) {
                    continue;
                }
                var result = calls.call(runtime, state.cognitoSettings(), stage.name());
                console.detail(runtime.name() + " through " + stage + ": " + (result.healthy() ? "ok " : "FAIL ")
                        + result.detail());
                if (!result.healthy()) {
                    failures.add("the call to " + runtime.name() + " through " + stage + " failed: " + result.detail()
                            + "; next: " + DeployFailureHint.of(result.detail(), ws.target().region().id()));
                }
            }
            console.line("note: the endpoints stack of " + stage + " still names its old version; set " + stage
                    + " to " + version + " where this environment's endpoint versions are kept (runtimes.json or"
                    + " infra/env), or the next deploy moves it back");
            failures.forEach(console::error);
            return failures.isEmpty() ? ExitCode.OK.status() : ExitCode.FAILED.status();
        }
    }
}
