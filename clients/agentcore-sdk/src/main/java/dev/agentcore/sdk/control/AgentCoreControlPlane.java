package dev.agentcore.sdk.control;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClientBuilder;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.BedrockAgentCoreControlRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.GetAgentRuntimeResponse;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeResponse;

/**
 * The AgentCore control-plane client (the SDK's {@link BedrockAgentCoreControlClient}) with what AgentCore needs
 * that the served SDK module lacks: {@code metadataConfiguration} on UpdateAgentRuntime and GetAgentRuntime.
 *
 * <pre>{@code
 * try (var control = AgentCoreControlPlane.create(b -> b.region(Region.US_EAST_1))) {
 *     control.updateAgentRuntime(update, RuntimeMetadataConfiguration.REQUIRE_MMDS_V2);
 *     boolean ok = control.getAgentRuntime(r -> r.agentRuntimeId(id)).requiresMmdsV2();
 * }
 * }</pre>
 *
 * <p>Everything else goes through {@link #client()}, the SDK's own client.
 */
public final class AgentCoreControlPlane implements AutoCloseable {

    private final BedrockAgentCoreControlClient client;

    private AgentCoreControlPlane(BedrockAgentCoreControlClient client) {
        this.client = client;
    }

    /** A client configured by {@code configuration} (region, credentials, endpoint, ...) with the interceptor added. */
    public static AgentCoreControlPlane create(Consumer<BedrockAgentCoreControlClientBuilder> configuration) {
        BedrockAgentCoreControlClientBuilder builder = BedrockAgentCoreControlClient.builder();
        configuration.accept(builder);
        // Keep the caller's own override configuration (retries, other interceptors): add to it, never replace it.
        ClientOverrideConfiguration existing = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override =
                existing == null ? ClientOverrideConfiguration.builder() : existing.toBuilder();
        // Drop when the SDK's bedrockagentcorecontrol module has metadataConfiguration (served here only up to 2.40.3)
        override.addExecutionInterceptor(new MetadataConfigurationInterceptor());
        return new AgentCoreControlPlane(builder.overrideConfiguration(override.build()).build());
    }

    /** A client with the SDK's default region, credentials and endpoint. */
    public static AgentCoreControlPlane create() {
        return create(builder -> { });
    }

    /** The SDK's client, for every operation the typed SDK models completely. */
    public BedrockAgentCoreControlClient client() {
        return client;
    }

    // Drop when the SDK's bedrockagentcorecontrol module has metadataConfiguration (served here only up to 2.40.3)
    /**
     * UpdateAgentRuntime with {@code metadataConfiguration} in the body. UpdateAgentRuntime sets the runtime's whole
     * configuration: {@code request} carries all of it (artifact, role, network, protocol, authorizer, ...).
     */
    public UpdateAgentRuntimeResponse updateAgentRuntime(UpdateAgentRuntimeRequest request,
                                                         RuntimeMetadataConfiguration metadataConfiguration) {
        if (metadataConfiguration == null) {
            throw new IllegalArgumentException("metadataConfiguration is required (RuntimeMetadataConfiguration.REQUIRE_MMDS_V2)");
        }
        return client.updateAgentRuntime(with(request, MetadataConfigurationInterceptor.TO_SEND, metadataConfiguration));
    }

    // Drop when the SDK's bedrockagentcorecontrol module has metadataConfiguration (served here only up to 2.40.3)
    /** GetAgentRuntime, with the {@code metadataConfiguration} (and the names of other members) the SDK drops. */
    public AgentRuntimeDescription getAgentRuntime(GetAgentRuntimeRequest request) {
        ResponseCapture capture = new ResponseCapture();
        GetAgentRuntimeResponse response =
                client.getAgentRuntime(with(request, MetadataConfigurationInterceptor.CAPTURE, capture));
        byte[] body = capture.successfulBody().orElseThrow(() -> new IllegalStateException(
                "GetAgentRuntime succeeded but its response body was not captured"));
        JsonNode raw = JsonNode.parser().parse(body);
        Optional<RuntimeMetadataConfiguration> metadata = raw.field(RuntimeMetadataConfiguration.MEMBER)
                .flatMap(RuntimeMetadataConfiguration::fromJson);
        return new AgentRuntimeDescription(response, metadata, membersTheSdkDrops(raw));
    }

    /** {@link #getAgentRuntime(GetAgentRuntimeRequest)} with a request built in place. */
    public AgentRuntimeDescription getAgentRuntime(Consumer<GetAgentRuntimeRequest.Builder> request) {
        return getAgentRuntime(GetAgentRuntimeRequest.builder().applyMutation(request).build());
    }

    @Override
    public void close() {
        client.close();
    }

    private static Set<String> membersTheSdkDrops(JsonNode raw) {
        if (!raw.isObject()) {
            return Set.of();
        }
        Set<String> typed = new TreeSet<>();
        for (SdkField<?> field : GetAgentRuntimeResponse.builder().sdkFields()) {
            if (field.location() == MarshallLocation.PAYLOAD) {
                typed.add(field.locationName());
            }
        }
        Set<String> dropped = new TreeSet<>(raw.asObject().keySet());
        dropped.removeAll(typed);
        return dropped;
    }

    private static <R extends BedrockAgentCoreControlRequest, T>
    R with(R request, ExecutionAttribute<T> attribute, T value) {
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        @SuppressWarnings("unchecked")
        R copy = (R) request.toBuilder().overrideConfiguration(override.putExecutionAttribute(attribute, value).build()).build();
        return copy;
    }
}
