package dev.agentcore.client.diagnosis;

import dev.agentcore.core.state.DeployedRuntime;
import dev.agentcore.core.state.StateFile;
import dev.agentcore.core.arn.RuntimeArn;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Facts from {@code .agentcore/state.json}; it only knows the runtimes this repository deployed. */
public final class DeployedRuntimeDirectory implements RuntimeDirectory {

    private final StateFile state;
    private final String source;

    public DeployedRuntimeDirectory(StateFile state, Path file) {
        this.state = state;
        this.source = file.toString();
    }

    private Optional<DeployedRuntime> find(RuntimeArn arn) {
        return state.runtime(arn.toString()).or(() -> state.runtime(arn.runtimeId()));
    }

    @Override
    public Lookup<RuntimeFacts> describe(RuntimeArn arn) {
        return find(arn).<Lookup<RuntimeFacts>>map(r -> new Lookup.Found<>(new RuntimeFacts(r.name(), r.roleArn(),
                        r.workloadIdentityArn(), r.createdAt(), r.authorizer(), r.protocol()), source))
                .orElseGet(() -> new Lookup.Unavailable<>(source + " does not list " + arn.runtimeId()));
    }

    @Override
    public Lookup<List<EndpointFacts>> endpoints(RuntimeArn arn) {
        return find(arn).filter(r -> !r.endpoints().isEmpty())
                .<Lookup<List<EndpointFacts>>>map(r -> new Lookup.Found<>(r.endpoints().stream()
                        .map(e -> EndpointFacts.withoutStatus(e.name(), e.liveVersion())).toList(), source))
                .orElseGet(() -> new Lookup.Unavailable<>(source + " lists no endpoints for " + arn.runtimeId()));
    }
}
