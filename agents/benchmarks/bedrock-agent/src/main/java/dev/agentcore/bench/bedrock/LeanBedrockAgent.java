package dev.agentcore.bench.bedrock;

import dev.agentcore.agent.Agent;
import dev.agentcore.agent.bedrock.BedrockConverseModel;
import dev.agentcore.agent.model.Model;
import dev.agentcore.runtime.core.AgentCoreApp;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * The Java side of the first-event benchmark: the lean core serving agent-kit's {@link Agent} on Bedrock
 * ConverseStream, {@code {"prompt": "..."}} answered as server-sent text deltas. The endpoint, region and credentials
 * come from the environment as on AgentCore ({@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME}, {@code AWS_REGION},
 * {@code AWS_ACCESS_KEY_ID}); the arguments after the port pick how the Bedrock client is built, so that each choice
 * is measured in the same process shape:
 * <ul>
 *   <li>{@code client=kit} (default): agent-kit as shipped, {@code BedrockConverseModel.builder().build()};
 *       {@code netty} or {@code crt}: the client built here with that HTTP client;</li>
 *   <li>{@code credentials=chain} (the SDK's default chain) or {@code environment}, for {@code netty} and {@code crt};</li>
 *   <li>{@code build=main} (before the server starts), {@code background} (a thread at start) or {@code first-call}.</li>
 * </ul>
 */
public final class LeanBedrockAgent {

    /** The model id both sides ask for; the local echo model answers any. */
    public static final String MODEL_ID = "us.anthropic.claude-sonnet-4-6";

    record Ask(String prompt) {
    }

    private LeanBedrockAgent() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : AgentCoreApp.DEFAULT_PORT;
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        String client = options.getOrDefault("client", "kit");
        String credentials = options.getOrDefault("credentials", "chain");
        Supplier<Model> model = () -> model(client, credentials);
        Supplier<Model> ready = switch (options.getOrDefault("build", "main")) {
            case "main" -> {
                Model built = model.get();
                yield () -> built;
            }
            case "background" -> {
                CompletableFuture<Model> building = CompletableFuture.supplyAsync(model,
                        task -> Thread.ofPlatform().name("bedrock-client").start(task));
                yield building::join;
            }
            case "first-call" -> new Supplier<>() {
                private Model built;

                @Override
                public synchronized Model get() {
                    if (built == null) {
                        built = model.get();
                    }
                    return built;
                }
            };
            default -> throw new IllegalArgumentException("build=" + options.get("build"));
        };
        AgentCoreApp.builder().port(port)
                .entrypoint(Ask.class, (ask, context) -> Agent.builder().model(ready.get()).build().stream(ask.prompt()))
                .build().run();
    }

    private static Model model(String client, String credentials) {
        if (client.equals("kit")) {
            return BedrockConverseModel.builder().modelId(MODEL_ID).build();
        }
        SdkAsyncHttpClient http = switch (client) {
            case "netty" -> NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)
                    .readTimeout(BedrockConverseModel.DEFAULT_READ_TIMEOUT).build();
            case "crt" -> AwsCrtAsyncHttpClient.builder().connectionMaxIdleTime(Duration.ofSeconds(60)).build();
            default -> throw new IllegalArgumentException("client=" + client);
        };
        AwsCredentialsProvider provider = switch (credentials) {
            case "chain" -> DefaultCredentialsProvider.builder().build();
            case "environment" -> EnvironmentVariableCredentialsProvider.create();
            default -> throw new IllegalArgumentException("credentials=" + credentials);
        };
        BedrockRuntimeAsyncClient sdk = BedrockRuntimeAsyncClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_BEDROCK_RUNTIME")))
                .credentialsProvider(provider)
                .httpClient(http)
                .build();
        return BedrockConverseModel.builder().modelId(MODEL_ID).client(sdk).build();
    }
}
