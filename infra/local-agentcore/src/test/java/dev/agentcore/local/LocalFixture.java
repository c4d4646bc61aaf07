package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.local.auth.InMemoryCredentialsDirectory;
import dev.agentcore.local.auth.SigningCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClientBuilder;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServerProtocol;

/** A local AgentCore on a free port and the real AWS SDK for Java pointed at it: what every test here uses. */
public final class LocalFixture {

    public static final String ACCESS_KEY = "AKIDLOCALEXAMPLE";
    /** A secret with the characters real ones have ('/', '+'): the service verifies every signature with it. */
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYLOCALFIXTURE";
    /** Who signs with the fixture's key. */
    public static final String CALLER = "arn:aws:iam::123456789012:user/fixture";
    public static final String ROLE = "arn:aws:iam::123456789012:role/hello_agent_execution";
    public static final Duration DELAY = Duration.ofMillis(50);

    private LocalFixture() {
    }

    public static LocalAgentCore start() throws Exception {
        return LocalAgentCore.start(config().build());
    }

    /** The fixture's key pair as the front door knows it; register more keys on the answer. */
    public static InMemoryCredentialsDirectory credentials() {
        return new InMemoryCredentialsDirectory().register(SigningCredentials.longTerm(ACCESS_KEY, SECRET_KEY,
                PrincipalArn.parse(CALLER).orElseThrow()));
    }

    /** What every test here starts from: a short provisioning delay and the fixture's key pair. */
    public static LocalAgentCoreConfig.Builder config() {
        return LocalAgentCoreConfig.builder().provisioningDelay(DELAY).credentials(credentials());
    }

    public static String image(String tag) {
        return "123456789012.dkr.ecr.us-east-1.amazonaws.com/hello-agent:" + tag;
    }

    /** Region, static credentials, the endpoint, one attempt (a retry would hide what the service answered). */
    public static void configure(BedrockAgentCoreControlClientBuilder builder, LocalAgentCore agentCore, Region region) {
        builder.region(region)
                .endpointOverride(agentCore.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retry -> retry.maxAttempts(1)).build());
    }

    public static BedrockAgentCoreControlClient client(LocalAgentCore agentCore) {
        var builder = BedrockAgentCoreControlClient.builder();
        configure(builder, agentCore, Region.US_EAST_1);
        return builder.build();
    }

    /** A minimal valid create request for {@code name}. */
    public static CreateAgentRuntimeRequest.Builder create(String name) {
        return CreateAgentRuntimeRequest.builder()
                .agentRuntimeName(name)
                .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(image("1"))))
                .roleArn(ROLE)
                .networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                .protocolConfiguration(p -> p.serverProtocol(ServerProtocol.HTTP));
    }

    /** Polls {@code status} (as a client does on AWS: there is no runtime waiter) until it is {@code expected}. */
    public static void await(Supplier<String> status, String expected) {
        Instant deadline = Instant.now().plusSeconds(10);
        String last = status.get();
        while (!expected.equals(last) && Instant.now().isBefore(deadline)) {
            sleep(20);
            last = status.get();
        }
        assertThat(last).as("status after polling").isEqualTo(expected);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> env(LocalAgentCore agentCore) {
        return Map.of("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", agentCore.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY, "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_REGION", "us-east-1");
    }
}
