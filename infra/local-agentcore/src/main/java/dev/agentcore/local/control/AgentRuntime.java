package dev.agentcore.local.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.arn.WorkloadIdentityArn;
import dev.agentcore.core.runtime.RuntimeId;
import dev.agentcore.core.runtime.RuntimeName;

/**
 * A snapshot of one runtime: its identity, its versions (oldest first) and its endpoints. Immutable; the registry
 * hands out a new one after every change.
 *
 * @param deleting true once DeleteAgentRuntime was accepted (status DELETING until it is gone)
 */
public record AgentRuntime(RuntimeArn arn, RuntimeName name, Instant createdAt, Instant lastUpdatedAt,
                           List<RuntimeVersion> versions, List<RuntimeEndpoint> endpoints, Map<String, String> tags,
                           boolean deleting) {

    public AgentRuntime {
        versions = List.copyOf(versions);
        endpoints = List.copyOf(endpoints);
        tags = Map.copyOf(tags);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a runtime has at least version 1");
        }
    }

    public RuntimeId id() {
        return arn.id();
    }

    /** The workload identity AgentCore makes for the runtime, named after its id. */
    public WorkloadIdentityArn workloadIdentity() {
        return arn.workloadIdentity();
    }

    public RuntimeVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public Optional<RuntimeVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    /** DELETING once deleted, else the status of the latest version. */
    public ResourceStatus status() {
        return deleting ? ResourceStatus.DELETING : latest().status();
    }

    public Optional<String> failureReason() {
        return deleting ? Optional.empty() : latest().failureReason();
    }

    public Optional<RuntimeEndpoint> endpoint(String name) {
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
