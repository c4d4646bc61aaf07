package dev.agentcore.agent.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.agentcore.agent.Agent;
import dev.agentcore.agent.AgentException;
import dev.agentcore.agent.AgentResult;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.Usage;
import dev.agentcore.agent.tool.Tool;
import dev.agentcore.agent.tool.ToolParam;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real AWS SDK async client against WireMock serving ConverseStream's binary event-stream frames. */
class BedrockConverseModelTest {

    private static final String MODEL_ID = "us.anthropic.claude-test-v1:0";
    private static final String STREAM_PATH = "/model/us\\.anthropic\\.claude-test-v1%3A0/converse-stream";
    private static final WireMockServer wireMock = new WireMockServer(options().dynamicPort());
    private static BedrockRuntimeAsyncClient noRetries;

    static class WeatherTools {
        @Tool(description = "Current weather for a city")
        public String weather(@ToolParam(description = "City name") String city) {
            return "12C and cloudy in " + city;
        }
    }

    @BeforeAll
    static void startWireMock() {
        wireMock.start();
        noRetries = client(AwsRetryStrategy.doNotRetry());
    }

    @AfterAll
    static void stopWireMock() {
        noRetries.close();
        wireMock.stop();
    }

    @BeforeEach
    void resetStubs() {
        wireMock.resetAll();
    }

    @Test
    void streamsAPlainAnswerAndSendsTheConverseRequest() {
        stubStream(new EventStreamFrames().start().text(0, "Hel", "lo").stop("end_turn", 11, 2).bytes());
        BedrockConverseModel model = BedrockConverseModel.builder().client(noRetries).modelId(MODEL_ID)
                .maxTokens(256).temperature(0.2).build();
        Agent agent = Agent.builder().model(model).systemPrompt("Be brief").build();

        List<String> deltas;
        try (var text = agent.stream("Hi")) {
            deltas = text.toList();
        }

        assertThat(deltas).containsExactly("Hel", "lo");
        JsonNode request = onlyRequestBody();
        assertThat(request).isEqualTo(json("""
                {"messages":[{"role":"user","content":[{"text":"Hi"}]}],
                 "system":[{"text":"Be brief"}],
                 "inferenceConfig":{"maxTokens":256,"temperature":0.2}}"""));
        assertThat(model.description()).isEqualTo("Amazon Bedrock ConverseStream, model " + MODEL_ID + ", region us-east-1");
    }

    @Test
    void runsAToolUseRoundTripOverTwoModelCalls() {
        stubStream(new EventStreamFrames().start().text(0, "Let me check.")
                .toolUse(1, "tooluse_1", "weather", "{\"city\":", "\"Berlin\"}")
                .stop("tool_use", 20, 9).bytes());
        stubAnswerToTheToolResult("12C in Berlin.");
        Agent agent = weatherAgent();

        AgentResult result = agent.invoke("Weather in Berlin?");

        assertThat(result.text()).isEqualTo("12C in Berlin.");
        assertThat(result.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(result.usage()).isEqualTo(new Usage(60, 14, 74));
        List<LoggedRequest> calls = wireMock.findAll(postRequestedFor(urlPathMatching(STREAM_PATH)));
        assertThat(calls).hasSize(2);
        JsonNode first = json(calls.get(0).getBodyAsString());
        assertThat(first.at("/toolConfig/tools/0/toolSpec")).isEqualTo(json("""
                {"name":"weather","description":"Current weather for a city",
                 "inputSchema":{"json":{"type":"object",
                   "properties":{"city":{"type":"string","description":"City name"}},"required":["city"]}}}"""));
        JsonNode second = json(calls.get(1).getBodyAsString()).get("messages");
        assertThat(second.get(1)).isEqualTo(json("""
                {"role":"assistant","content":[{"text":"Let me check."},
                  {"toolUse":{"toolUseId":"tooluse_1","name":"weather","input":{"city":"Berlin"}}}]}"""));
        assertThat(second.get(2)).isEqualTo(json("""
                {"role":"user","content":[{"toolResult":{"toolUseId":"tooluse_1",
                  "content":[{"text":"12C and cloudy in Berlin"}],"status":"success"}}]}"""));
    }

    @Test
    void leavesAWhitespaceOnlyTextBlockOutOfTheConversationSinceBedrockRejectsBlankText() {
        stubStream(new EventStreamFrames().start().text(0, "\\n\\n")
                .toolUse(1, "tooluse_1", "weather", "{\"city\":\"Berlin\"}")
                .stop("tool_use", 20, 9).bytes());
        stubAnswerToTheToolResult("12C in Berlin.");
        Agent agent = weatherAgent();

        assertThat(agent.invoke("Weather in Berlin?").text()).isEqualTo("12C in Berlin.");

        List<LoggedRequest> calls = wireMock.findAll(postRequestedFor(urlPathMatching(STREAM_PATH)));
        assertThat(calls).hasSize(2);
        assertThat(json(calls.get(1).getBodyAsString()).get("messages").get(1)).isEqualTo(json("""
                {"role":"assistant","content":[
                  {"toolUse":{"toolUseId":"tooluse_1","name":"weather","input":{"city":"Berlin"}}}]}"""));
    }

    @Test
    void saysTheTokenLimitCutOffAToolRequestWhenItsInputIsIncomplete() {
        stubStream(new EventStreamFrames().start().text(0, "Let me check.")
                .toolUse(1, "tooluse_1", "weather", "{\"city\":", "\"Ber")
                .stop("max_tokens", 20, 16).bytes());
        Agent agent = Agent.builder()
                .model(BedrockConverseModel.builder().client(noRetries).modelId(MODEL_ID).maxTokens(16).build())
                .tools(new WeatherTools()).build();

        Throwable error = catchThrowable(() -> agent.invoke("Weather in Berlin?"));

        assertThat(error).isInstanceOf(AgentException.class)
                .hasMessageContaining("output token limit while asking for a tool");
        assertThat(agent.messages()).isEmpty();
    }

    @Test
    void reportsThrottlingSentAsAnExceptionFrame() {
        wireMock.stubFor(post(urlPathMatching(STREAM_PATH)).willReturn(eventStream(new EventStreamFrames()
                .exception("throttlingException", "{\"message\":\"Too many tokens, please wait before trying again.\"}")
                .bytes(), "req-frame-1")));

        ModelException error = invokeExpectingModelError(noRetries);

        assertThat(error.errorCode()).isEqualTo("throttlingException");
        assertThat(error.requestId()).isEqualTo("req-frame-1");
        assertThat(error.throttled()).isTrue();
        assertThat(error.getMessage()).isEqualTo("Bedrock model '" + MODEL_ID + "' failed: throttlingException "
                + "(HTTP 429, request id req-frame-1): Too many tokens, please wait before trying again.");
    }

    @Test
    void reportsThrottlingSentAsHttp429() {
        stubThrottled();

        ModelException error = invokeExpectingModelError(noRetries);

        assertThat(error.errorCode()).isEqualTo("ThrottlingException");
        assertThat(error.statusCode()).isEqualTo(429);
        assertThat(error.requestId()).isEqualTo("req-429");
        assertThat(error.getMessage()).isEqualTo("Bedrock model '" + MODEL_ID + "' failed: ThrottlingException "
                + "(HTTP 429, request id req-429): Too many requests, please wait before trying again.");
    }

    @Test
    void reportsThrottlingOnlyAfterTheSdkRetried() {
        stubThrottled();
        RetryStrategy threeQuickAttempts = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build();
        try (BedrockRuntimeAsyncClient retrying = client(threeQuickAttempts)) {
            ModelException error = invokeExpectingModelError(retrying);

            assertThat(error.errorCode()).isEqualTo("ThrottlingException");
        }
        assertThat(wireMock.findAll(postRequestedFor(urlPathMatching(STREAM_PATH)))).hasSize(3);
    }

    @Test
    void doesNotRepeatAPartialAnswerWhenTheSdkRetriesAStreamThatFailedHalfway() {
        stubStream(new EventStreamFrames().start().text(0, "Half an ans")
                .exception("throttlingException", "{\"message\":\"Too many tokens\"}").bytes());
        RetryStrategy threeQuickAttempts = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately()).build();
        try (BedrockRuntimeAsyncClient retrying = client(threeQuickAttempts)) {
            Agent agent = Agent.builder().model(BedrockConverseModel.builder().client(retrying).modelId(MODEL_ID).build()).build();
            List<String> received = new ArrayList<>();
            ModelException error = catchThrowableOfType(ModelException.class, () -> {
                try (var text = agent.stream("Hi")) {
                    text.forEach(received::add);
                }
            });

            assertThat(received).containsExactly("Half an ans");
            assertThat(error.errorCode()).isEqualTo("throttlingException");
            assertThat(agent.messages()).isEmpty();
        }
    }

    @Test
    void reportsAFrameWithABadChecksumAsAClearModelError() {
        byte[] frames = new EventStreamFrames().start().text(0, "Hello").stop("end_turn", 1, 1).bytes();
        frames[frames.length - 1] ^= 0x5a; // the last frame's message CRC no longer matches
        stubStream(frames);

        ModelException error = invokeExpectingModelError(noRetries);

        assertThat(error.getMessage()).startsWith("Bedrock ConverseStream call for model '" + MODEL_ID + "' failed: ")
                .contains("Message checksum failure");
    }

    @Test
    void marksContextWindowOverflowSoTheAgentCanTrim() {
        wireMock.stubFor(post(urlPathMatching(STREAM_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withHeader("x-amzn-RequestId", "req-400")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Input is too long for requested model.\"}")));

        ModelException error = invokeExpectingModelError(noRetries);

        assertThat(error.errorCode()).isEqualTo("ValidationException");
        assertThat(error.contextWindowOverflow()).isTrue();
    }

    @Test
    void buildsItsOwnClientForTheEndpointOverride() {
        stubStream(new EventStreamFrames().start().text(0, "Hi from the endpoint").stop("end_turn", 3, 4).bytes());
        String previousKey = System.setProperty("aws.accessKeyId", "AKIDTEST");
        String previousSecret = System.setProperty("aws.secretAccessKey", "test-secret");
        try {
            BedrockConverseModel model = BedrockConverseModel.builder().modelId(MODEL_ID).region("eu-central-1")
                    .endpointOverride(URI.create(wireMock.baseUrl())).build();

            assertThat(Agent.builder().model(model).build().invoke("Hi").text()).isEqualTo("Hi from the endpoint");
            assertThat(model.description()).isEqualTo("Amazon Bedrock ConverseStream, model " + MODEL_ID
                    + ", region eu-central-1, endpoint " + wireMock.baseUrl() + " over HTTP/1.1");
        } finally {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        }
        assertThat(onlyRequest().getHeader("Authorization")).contains("Credential=AKIDTEST/").contains("/eu-central-1/bedrock/");
    }

    @Test
    void closingTheStreamCancelsTheCallAndFreesTheAgent() {
        String[] words = new String[200];
        Arrays.fill(words, "word ");
        wireMock.stubFor(post(urlPathMatching(STREAM_PATH)).atPriority(5).willReturn(
                eventStream(new EventStreamFrames().start().text(0, words).stop("end_turn", 1, 200).bytes())
                        .withChunkedDribbleDelay(40, 20_000)));
        wireMock.stubFor(post(urlPathMatching(STREAM_PATH)).atPriority(1).withRequestBody(containing("second"))
                .willReturn(eventStream(new EventStreamFrames().start().text(0, "quick").stop("end_turn", 1, 1).bytes())));
        Agent agent = Agent.builder().model(BedrockConverseModel.builder().client(noRetries).modelId(MODEL_ID).build()).build();

        try (var text = agent.stream("first")) {
            assertThat(text.iterator().next()).isEqualTo("word ");
        }

        assertThat(agent.messages()).isEmpty();
        assertThat(agent.invoke("second").text()).isEqualTo("quick");
    }

    private ModelException invokeExpectingModelError(BedrockRuntimeAsyncClient client) {
        Agent agent = Agent.builder().model(BedrockConverseModel.builder().client(client).modelId(MODEL_ID).build()).build();
        ModelException error = catchThrowableOfType(ModelException.class, () -> agent.invoke("Hi"));
        assertThat(error).as("the model error").isNotNull();
        assertThat(error.modelId()).isEqualTo(MODEL_ID);
        assertThat(agent.messages()).isEmpty();
        return error;
    }

    private static void stubThrottled() {
        wireMock.stubFor(post(urlPathMatching(STREAM_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/")
                .withHeader("x-amzn-RequestId", "req-429")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Too many requests, please wait before trying again.\"}")));
    }

    /** Once the conversation carries a tool result, the model answers with {@code text} and ends its turn. */
    private static void stubAnswerToTheToolResult(String text) {
        wireMock.stubFor(post(urlPathMatching(STREAM_PATH)).atPriority(1)
                .withRequestBody(containing("\"toolResult\""))
                .willReturn(eventStream(new EventStreamFrames().start().text(0, text).stop("end_turn", 40, 5).bytes())));
    }

    private Agent weatherAgent() {
        return Agent.builder()
                .model(BedrockConverseModel.builder().client(noRetries).modelId(MODEL_ID).build())
                .tools(new WeatherTools()).build();
    }

    private static void stubStream(byte[] frames) {
        wireMock.stubFor(post(urlPathMatching(STREAM_PATH)).atPriority(5).willReturn(eventStream(frames)));
    }

    private static ResponseDefinitionBuilder eventStream(byte[] frames) {
        return eventStream(frames, "req-ok");
    }

    private static ResponseDefinitionBuilder eventStream(byte[] frames, String requestId) {
        return aResponse().withStatus(200)
                .withHeader("Content-Type", "application/vnd.amazon.eventstream")
                .withHeader("x-amzn-RequestId", requestId)
                .withBody(frames);
    }

    private static BedrockRuntimeAsyncClient client(RetryStrategy retries) {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(URI.create(wireMock.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .overrideConfiguration(c -> c.retryStrategy(retries))
                .build();
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathMatching(STREAM_PATH)));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private static JsonNode onlyRequestBody() {
        return json(onlyRequest().getBodyAsString());
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
