package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.agentcore.local.gateway.AwsGateway;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** {@code local-agentcore bedrock-echo}: the gateway's Bedrock echo alone, with the real AWS SDK as the caller. */
class BedrockEchoTest {

    private static final Message HI = Message.builder().role(ConversationRole.USER)
            .content(ContentBlock.fromText("hi there")).build();

    @Test
    void streamsTheEchoToTheStaticPairAndToAGivenCaller() throws Exception {
        try (AwsGateway gateway = BedrockEcho.start(new String[] {"--caller",
                "bench:secret=arn:aws:iam::123456789012:user/bench"}, Map.of(), quietLog())) {
            assertThat(stream(gateway, Region.US_EAST_1, "local", "local")).isEqualTo("[local model] You said: hi there");
            assertThat(stream(gateway, Region.US_EAST_1, "bench", "secret")).isEqualTo("[local model] You said: hi there");
        }
    }

    @Test
    void verifiesSignaturesAndSaysWhatItDoesNotServe() throws Exception {
        try (AwsGateway gateway = BedrockEcho.start(new String[] {"--region=eu-west-1"}, Map.of(), quietLog())) {
            assertThatThrownBy(() -> stream(gateway, Region.EU_WEST_1, "local", "wrong"))
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));

            try (CloudWatchLogsClient logs = CloudWatchLogsClient.builder().endpointOverride(gateway.endpoint())
                    .region(Region.EU_WEST_1).httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                    .build()) {
                assertThatThrownBy(() -> logs.describeLogGroups(r -> { }))
                        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                            assertThat(e.statusCode()).isEqualTo(501);
                            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("This gateway has no local AWS"
                                    + " behind it and answers Bedrock Converse and ConverseStream only, not logs"
                                    + " DescribeLogGroups: start the local stack (make local-up) for other services");
                        });
            }
        }
    }

    @Test
    void refusesAnUnknownOption() {
        assertThatThrownBy(() -> BedrockEcho.start(new String[] {"--image", "x=y"}, Map.of(), quietLog()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --image; " + BedrockEcho.USAGE);
    }

    private static String stream(AwsGateway gateway, Region region, String key, String secret) {
        try (BedrockRuntimeAsyncClient bedrock = BedrockRuntimeAsyncClient.builder().endpointOverride(gateway.endpoint())
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                .build()) {
            List<String> deltas = new CopyOnWriteArrayList<>();
            bedrock.converseStream(r -> r.modelId("us.anthropic.claude-sonnet-4-6").messages(HI),
                    ConverseStreamResponseHandler.builder().subscriber(ConverseStreamResponseHandler.Visitor.builder()
                            .onContentBlockDelta(d -> deltas.add(d.delta().text())).build()).build()).join();
            return String.join("", deltas);
        }
    }

    private static PrintStream quietLog() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
