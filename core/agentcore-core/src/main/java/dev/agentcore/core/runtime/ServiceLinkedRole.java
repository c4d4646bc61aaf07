package dev.agentcore.core.runtime;

import java.time.Instant;

/**
 * For runtimes created on or after 13 October 2025, AgentCore gets workload access tokens through its service-linked
 * role ({@code AWSServiceRoleForBedrockAgentCoreRuntimeIdentity}) instead of the runtime's execution role; older
 * runtimes still need the {@code GetWorkloadAccessToken*} grant on the execution role. Source: the AgentCore
 * Developer Guide, "Use service-linked roles for AgentCore Runtime".
 */
public final class ServiceLinkedRole {

    public static final String NAME = "AWSServiceRoleForBedrockAgentCoreRuntimeIdentity";
    public static final Instant WORKLOAD_TOKENS_SINCE = Instant.parse("2025-10-13T00:00:00Z");

    private ServiceLinkedRole() {
    }

    /** True when a runtime created at {@code createdAt} gets its workload tokens through the service-linked role. */
    public static boolean getsWorkloadTokens(Instant createdAt) {
        return !createdAt.isBefore(WORKLOAD_TOKENS_SINCE);
    }
}
