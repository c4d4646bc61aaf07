package dev.agentcore.sdk.control;

import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;

/**
 * A GetAgentRuntime answer: the SDK's typed response plus what the typed response drops.
 *
 * @param response              the SDK's typed response
 * @param metadataConfiguration the runtime's {@code metadataConfiguration}; empty when the service returned none
 *                              (the runtime does not require MMDSv2)
 * @param membersTheSdkDrops    top-level members of the service's answer that the SDK's typed response has no field
 *                              for (for example {@code metadataConfiguration}, {@code filesystemConfigurations}).
 *                              UpdateAgentRuntime sets a runtime's whole configuration, so an update sent through
 *                              this SDK would reset every one of them but {@code metadataConfiguration}: check this
 *                              before updating.
 */
public record AgentRuntimeDescription(
        GetAgentRuntimeResponse response,
        Optional<RuntimeMetadataConfiguration> metadataConfiguration,
        Set<String> membersTheSdkDrops) {

    public AgentRuntimeDescription {
        membersTheSdkDrops = Set.copyOf(membersTheSdkDrops);
    }

    /** True when the runtime answers only MMDSv2 metadata requests, as AgentCore requires since 2026-06-30. */
    public boolean requiresMmdsV2() {
        return metadataConfiguration.map(RuntimeMetadataConfiguration::requireMmdsV2).orElse(false);
    }
}
