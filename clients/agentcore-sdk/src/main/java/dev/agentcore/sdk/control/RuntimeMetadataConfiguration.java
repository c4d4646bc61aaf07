package dev.agentcore.sdk.control;

import java.util.Optional;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The control plane's {@code RuntimeMetadataConfiguration}: whether a runtime's microVM answers only MMDSv2
 * (token-based) metadata requests. Since 2026-06-30 AgentCore refuses to invoke runtimes without
 * {@code requireMMDSV2 = true}.
 *
 * <p>Drop when the SDK's bedrockagentcorecontrol module has metadataConfiguration (served here only up to 2.40.3)
 * and use the SDK's generated {@code RuntimeMetadataConfiguration} instead.
 */
public record RuntimeMetadataConfiguration(boolean requireMmdsV2) {

    /** What every runtime of this project uses. */
    public static final RuntimeMetadataConfiguration REQUIRE_MMDS_V2 = new RuntimeMetadataConfiguration(true);

    /** The wire name of the member in UpdateAgentRuntime requests and GetAgentRuntime responses. */
    static final String MEMBER = "metadataConfiguration";

    private static final String REQUIRE_MMDS_V2_MEMBER = "requireMMDSV2";

    // Drop when the SDK's bedrockagentcorecontrol module has metadataConfiguration (served here only up to 2.40.3)
    String toJson() {
        return "{\"" + REQUIRE_MMDS_V2_MEMBER + "\":" + requireMmdsV2 + "}";
    }

    // Drop when the SDK's bedrockagentcorecontrol module has metadataConfiguration (served here only up to 2.40.3)
    /** The value of a {@code metadataConfiguration} member; empty when it is not an object with a boolean flag. */
    static Optional<RuntimeMetadataConfiguration> fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        return node.field(REQUIRE_MMDS_V2_MEMBER)
                .filter(JsonNode::isBoolean)
                .map(flag -> new RuntimeMetadataConfiguration(flag.asBoolean()));
    }
}
