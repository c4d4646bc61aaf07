package dev.agentcore.agent.bedrock;

import dev.agentcore.agent.channel.EventChannel;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;

/**
 * Amazon Bedrock through ConverseStream with the AWS SDK's async client. Credentials come from the SDK's
 * default chain; the region from the builder, else the SDK's region chain ({@code AWS_REGION}, profile,
 * instance metadata), else {@code us-west-2} as in Strands. {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} and
 * {@code AWS_ENDPOINT_URL} are honoured by the SDK; {@link Builder#endpointOverride} wins over them. The HTTP protocol
 * follows the endpoint the SDK resolves ({@link BedrockHttpProtocol}): the SDK's own default (HTTP/2, negotiated by
 * TLS ALPN) for AWS and other {@code https://} endpoints, HTTP/1.1 for a plain {@code http://} one. Failures surface
 * as {@link dev.agentcore.agent.model.ModelException}s naming the model, the AWS error code and the request id.
 */
public final class BedrockConverseModel implements Model {

    /** Strands' default model (since v1.38): Claude Sonnet 4.6 through the global cross-region profile. */
    public static final String DEFAULT_MODEL_ID = "global.anthropic.claude-sonnet-4-6";
    public static final Region FALLBACK_REGION = Region.US_WEST_2;
    /** Strands uses the same read timeout: a model may think for a while between events. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);

    private final BedrockRuntimeAsyncClient client;
    private final String modelId;
    private final InferenceConfiguration inference;
    private final boolean includeToolResultStatus;
    private final String description;

    private BedrockConverseModel(Builder builder) {
        this.modelId = builder.modelId;
        this.inference = builder.maxTokens == null && builder.temperature == null ? null
                : InferenceConfiguration.builder().maxTokens(builder.maxTokens)
                        .temperature(builder.temperature == null ? null : builder.temperature.floatValue()).build();
        this.includeToolResultStatus = modelId.contains("anthropic");
        this.client = builder.client != null ? builder.client : newClient(builder);
        // The endpoint as the SDK resolved it (builder, environment, system properties or profile), for a client built here.
        URI endpoint = builder.client == null ? client.serviceClientConfiguration().endpointOverride().orElse(null) : null;
        this.description = "Amazon Bedrock ConverseStream, model " + modelId + ", region "
                + client.serviceClientConfiguration().region()
                + (endpoint != null ? ", endpoint " + endpoint : "")
                + (BedrockHttpProtocol.forEndpoint(endpoint) == BedrockHttpProtocol.HTTP_1_1 ? " over HTTP/1.1" : "");
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Stream<ModelEvent> stream(ModelRequest request) {
        EventChannel<ModelEvent> channel = new EventChannel<>();
        ConverseStreamCall call = new ConverseStreamCall(client,
                ConverseRequests.of(modelId, request, inference, includeToolResultStatus), channel, modelId);
        return channel.stream(call::start, call::cancel);
    }

    @Override
    public String description() {
        return description;
    }

    public String modelId() {
        return modelId;
    }

    /**
     * A client whose HTTP protocol suits its endpoint ({@link BedrockHttpProtocol}): the endpoint given to the builder,
     * else the one the SDK resolved, with the Netty client built once the SDK client knows it.
     * <p>Chosen by measuring a session's first model event (docs/benchmarks.md, section first-event): the AWS CRT
     * client brought it sooner in most paired rounds and held some 5 MB less, but it has no read timeout for a stream
     * that goes quiet (its minimum-throughput check never fired: BedrockHttpProtocolTest), so Netty stays. The
     * credentials stay the SDK's default chain: an environment-only provider measured no faster, and on AgentCore the
     * execution role's credentials come from the microVM metadata service, at the chain's end. The caller builds the
     * model before it serves: building the client on a thread at start, or at the first call, gained nothing steady.
     */
    private static BedrockRuntimeAsyncClient newClient(Builder builder) {
        NettyNioAsyncHttpClient.Builder netty = NettyNioAsyncHttpClient.builder().readTimeout(builder.readTimeout);
        BedrockRuntimeAsyncClientBuilder client = BedrockRuntimeAsyncClient.builder()
                .region(builder.region != null ? builder.region : regionFromChain());
        if (builder.endpointOverride != null) {
            return client.endpointOverride(builder.endpointOverride)
                    .httpClientBuilder(BedrockHttpProtocol.forEndpoint(builder.endpointOverride).apply(netty))
                    .build();
        }
        DeferredNettyClient http = new DeferredNettyClient(netty);
        BedrockRuntimeAsyncClient built = client.httpClientBuilder(http.builder()).build();
        http.connectTo(built.serviceClientConfiguration().endpointOverride().orElse(null));
        return built;
    }

    private static Region regionFromChain() {
        try {
            return DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            return FALLBACK_REGION;
        }
    }

    public static final class Builder {
        private String modelId = DEFAULT_MODEL_ID;
        private Region region;
        private URI endpointOverride;
        private Integer maxTokens;
        private Double temperature;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private BedrockRuntimeAsyncClient client;

        private Builder() {
        }

        /** A model id or inference profile id; defaults to {@link #DEFAULT_MODEL_ID}. */
        public Builder modelId(String modelId) {
            if (modelId == null || modelId.isBlank()) {
                throw new IllegalArgumentException("modelId must not be empty");
            }
            this.modelId = modelId.strip();
            return this;
        }

        /** For example {@code us-east-1}; when unset, the SDK's region chain decides. */
        public Builder region(String region) {
            this.region = region == null || region.isBlank() ? null : Region.of(region.strip());
            return this;
        }

        public Builder endpointOverride(URI endpoint) {
            this.endpointOverride = endpoint;
            return this;
        }

        /** The most tokens the model may generate per call; the model's default when unset. */
        public Builder maxTokens(Integer maxTokens) {
            if (maxTokens != null && maxTokens < 1) {
                throw new IllegalArgumentException("'maxTokens' must be at least 1, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder temperature(Double temperature) {
            // Written so that NaN is refused too.
            if (temperature != null && !(temperature >= 0 && temperature <= 1)) {
                throw new IllegalArgumentException("'temperature' must be between 0 and 1, was " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** A client configured by the caller (retries, credentials, HTTP client); region and endpoint are then its own. */
        public Builder client(BedrockRuntimeAsyncClient client) {
            this.client = client;
            return this;
        }

        public BedrockConverseModel build() {
            return new BedrockConverseModel(this);
        }
    }
}
