package dev.agentcore.client.config;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One runtime as recorded in the state file; the field names are those of GetAgentRuntime. */
public record DeployedRuntime(String name, String agentRuntimeId, String agentRuntimeArn, String agentRuntimeVersion,
                              String protocol, String roleArn, String workloadIdentityArn, Instant createdAt,
                              AuthorizerSettings authorizer, List<RuntimeEndpoint> endpoints) {

    public DeployedRuntime {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    public Optional<AuthorizerSettings> authorizerSettings() {
        return Optional.ofNullable(authorizer);
    }

    public boolean isMcp() {
        return "MCP".equalsIgnoreCase(protocol);
    }
}
