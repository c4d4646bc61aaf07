package dev.agentcore.core.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.ServerProtocol;

/** One runtime as recorded in the state file; the field names are those of GetAgentRuntime. */
public record DeployedRuntime(String name, String agentRuntimeId, String agentRuntimeArn, String agentRuntimeVersion,
                              ServerProtocol protocol, String roleArn, String workloadIdentityArn, Instant createdAt,
                              AuthorizerSettings authorizer, List<RuntimeEndpoint> endpoints) {

    public DeployedRuntime {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    public Optional<AuthorizerSettings> authorizerSettings() {
        return Optional.ofNullable(authorizer);
    }

    /** The recorded ARN, parsed; empty when it is absent or not a runtime ARN. */
    public Optional<RuntimeArn> arn() {
        return RuntimeArn.tryParse(agentRuntimeArn);
    }

    public boolean isMcp() {
        return protocol == ServerProtocol.MCP;
    }
}
