package dev.agentcore.local.control;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import dev.agentcore.core.arn.RuntimeEndpointArn;
import dev.agentcore.core.runtime.Qualifier;

/**
 * A runtime endpoint: a name (the invocation's qualifier) that points at one version. {@code DEFAULT} is made with
 * the runtime and follows its latest version; any other is pinned to the version it names until updated.
 *
 * @param arn           {@code <runtime ARN>/runtime-endpoint/<name>}
 * @param id            {@code <name>-<10 letters or digits>}
 * @param liveVersion   the version invocations reach; empty until the endpoint is first READY
 * @param targetVersion the version it is moving to (equal to {@code liveVersion} once READY)
 */
public record RuntimeEndpoint(RuntimeEndpointArn arn, String id, OptionalInt liveVersion, int targetVersion,
                              ResourceStatus status, Optional<String> failureReason, Optional<String> description,
                              Instant createdAt, Instant lastUpdatedAt) {

    public String name() {
        return arn.endpointName();
    }

    public Qualifier qualifier() {
        return arn.qualifier();
    }

    public boolean isDefault() {
        return qualifier().isDefault();
    }
}
