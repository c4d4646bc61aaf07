package dev.agentcore.agent.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.agentcore.agent.Agent;
import dev.agentcore.agent.AgentEvent;
import dev.agentcore.agent.AgentResult;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.Usage;
import dev.agentcore.agent.tool.Tool;
import dev.agentcore.agent.tool.ToolParam;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible provider against WireMock serving chat-completions SSE. */
class OpenAiCompatibleModelTest {

    private static final String PATH = "/v1/chat/completions";
    private static final WireMockServer wireMock = new WireMockServer(options().dynamicPort());

    static class WeatherTools {
        @Tool(description = "Current weather for a city")
        public String weather(@ToolParam(description = "City name") String city) {
            return "12C and cloudy in " + city;
        }
    }

    @BeforeAll
    static void startWireMock() {
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetStubs() {
        wireMock.resetAll();
    }

    @Test
    void streamsTextAndSendsAChatCompletionsRequest() {
        stub(sse("""
                {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}""",
                """
                {"choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]}""",
                """
                {"choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":null}]}""",
                """
                {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""",
                """
                {"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}""",
                "[DONE]"));
        OpenAiCompatibleModel model = OpenAiCompatibleModel.builder().baseUrl(wireMock.baseUrl()).model("llama3.2")
                .apiKey("sk-test").maxTokens(128).temperature(0.5).build();
        Agent agent = Agent.builder().model(model).systemPrompt("Be brief").build();

        List<AgentEvent> events;
        try (Stream<AgentEvent> stream = agent.streamEvents("Hi")) {
            events = stream.toList();
        }

        assertThat(events).containsExactly(new AgentEvent.TextDelta("Hel"), new AgentEvent.TextDelta("lo"),
                new AgentEvent.Final("Hello", StopReason.END_TURN, new Usage(9, 2, 11)));
        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(request.getHeader("Accept")).isEqualTo("text/event-stream");
        assertThat(json(request.getBodyAsString())).isEqualTo(json("""
                {"model":"llama3.2","stream":true,"stream_options":{"include_usage":true},"max_tokens":128,"temperature":0.5,
                 "messages":[{"role":"system","content":"Be brief"},{"role":"user","content":"Hi"}]}"""));
        assertThat(model.description()).isEqualTo("OpenAI-compatible chat completions at " + wireMock.baseUrl()
                + PATH + ", model llama3.2");
    }

    @Test
    void accumulatesAStreamedToolCallAndSendsTheResultBack() {
        stub(sse("""
                {"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"weather","arguments":""}}]},"finish_reason":null}]}""",
                """
                {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":"}}]},"finish_reason":null}]}""",
                """
                {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Berlin\\"}"}}]},"finish_reason":null}]}""",
                """
                {"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":20,"completion_tokens":8,"total_tokens":28}}""",
                "[DONE]"));
        wireMock.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing("\"role\":\"tool\""))
                .willReturn(sse("""
                        {"choices":[{"index":0,"delta":{"content":"12C in Berlin."},"finish_reason":"stop"}],"usage":{"prompt_tokens":40,"completion_tokens":5,"total_tokens":45}}""",
                        "[DONE]")));
        Agent agent = Agent.builder().model(model()).tools(new WeatherTools()).build();

        AgentResult result = agent.invoke("Weather in Berlin?");

        assertThat(result.text()).isEqualTo("12C in Berlin.");
        assertThat(result.usage()).isEqualTo(new Usage(60, 13, 73));
        List<LoggedRequest> calls = wireMock.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(calls).hasSize(2);
        assertThat(json(calls.get(0).getBodyAsString()).get("tools")).isEqualTo(json("""
                [{"type":"function","function":{"name":"weather","description":"Current weather for a city",
                  "parameters":{"type":"object","properties":{"city":{"type":"string","description":"City name"}},
                                "required":["city"]}}}]"""));
        JsonNode messages = json(calls.get(1).getBodyAsString()).get("messages");
        assertThat(messages.get(1)).isEqualTo(json("""
                {"role":"assistant","content":null,"tool_calls":[{"id":"call_abc","type":"function",
                  "function":{"name":"weather","arguments":"{\\"city\\":\\"Berlin\\"}"}}]}"""));
        assertThat(messages.get(2)).isEqualTo(json("""
                {"role":"tool","tool_call_id":"call_abc","content":"12C and cloudy in Berlin"}"""));
    }

    @Test
    void keepsInterleavedToolCallsApartByIndexAndTrustsCallsOverAStopReason() {
        stub(sse("""
                {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","function":{"name":"weather","arguments":"{\\"city\\""}},{"index":1,"id":"call_2","function":{"name":"weather","arguments":"{\\"city\\""}}]}}]}""",
                """
                {"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":":\\"Paris\\"}"}},{"index":0,"function":{"arguments":":\\"Oslo\\"}"}}]},"finish_reason":"stop"}]}""",
                "[DONE]"));
        wireMock.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing("\"role\":\"tool\""))
                .willReturn(sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Both cloudy.\"},\"finish_reason\":\"stop\"}]}")));
        Agent agent = Agent.builder().model(model()).tools(new WeatherTools()).build();

        List<AgentEvent> events;
        try (Stream<AgentEvent> stream = agent.streamEvents("Oslo and Paris?")) {
            events = stream.toList();
        }

        assertThat(events).filteredOn(AgentEvent.ToolUse.class::isInstance).extracting(e -> ((AgentEvent.ToolUse) e).input())
                .containsExactly(json("{\"city\":\"Oslo\"}"), json("{\"city\":\"Paris\"}"));
        assertThat(events.getLast()).isEqualTo(new AgentEvent.Final("Both cloudy.", StopReason.END_TURN, Usage.ZERO));
    }

    @Test
    void keepsParallelToolCallsApartWhenTheServerSendsThemAllAtIndexZeroLikeOllama() {
        stub(sse("""
                {"choices":[{"index":0,"delta":{"role":"assistant","content":"","tool_calls":[{"id":"call_oslo","index":0,"type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"}}]},"finish_reason":null}]}""",
                """
                {"choices":[{"index":0,"delta":{"role":"assistant","content":"","tool_calls":[{"id":"call_paris","index":0,"type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},"finish_reason":null}]}""",
                """
                {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":"tool_calls"}]}""",
                "[DONE]"));
        wireMock.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing("\"role\":\"tool\""))
                .willReturn(sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Both cloudy.\"},\"finish_reason\":\"stop\"}]}")));
        Agent agent = Agent.builder().model(model()).tools(new WeatherTools()).build();

        assertThat(agent.invoke("Oslo and Paris?").text()).isEqualTo("Both cloudy.");

        List<LoggedRequest> calls = wireMock.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(calls).hasSize(2);
        JsonNode messages = json(calls.get(1).getBodyAsString()).get("messages");
        assertThat(messages.get(1)).isEqualTo(json("""
                {"role":"assistant","content":null,"tool_calls":[
                  {"id":"call_oslo","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Oslo\\"}"}},
                  {"id":"call_paris","type":"function","function":{"name":"weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]}"""));
        assertThat(messages.get(2)).isEqualTo(json("""
                {"role":"tool","tool_call_id":"call_oslo","content":"12C and cloudy in Oslo"}"""));
        assertThat(messages.get(3)).isEqualTo(json("""
                {"role":"tool","tool_call_id":"call_paris","content":"12C and cloudy in Paris"}"""));
    }

    @Test
    void reportsHttpErrorsWithTheServersCodeAndRequestId() {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req-42")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));

        ModelException error = invokeExpectingModelError();

        assertThat(error.statusCode()).isEqualTo(429);
        assertThat(error.errorCode()).isEqualTo("rate_limit_exceeded");
        assertThat(error.requestId()).isEqualTo("req-42");
        assertThat(error.throttled()).isTrue();
        assertThat(error.getMessage()).isEqualTo("OpenAI-compatible endpoint " + wireMock.baseUrl() + PATH
                + " rejected the request for model 'llama3.2': HTTP 429 rate_limit_exceeded (request id req-42): Rate limit reached");
    }

    @Test
    void recognisesAContextOverflowInOllamasErrorShape() {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"This model's maximum context length is 8192 tokens\"}")));

        ModelException error = invokeExpectingModelError();

        assertThat(error.errorCode()).isEqualTo("bad_request");
        assertThat(error.contextWindowOverflow()).isTrue();
    }

    @Test
    void reportsAnErrorSentInsideTheStream() {
        stub(sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}",
                "{\"error\":{\"message\":\"the model crashed\",\"type\":\"server_error\"}}"));

        ModelException error = invokeExpectingModelError();

        assertThat(error.getMessage()).isEqualTo("OpenAI-compatible model 'llama3.2' failed while streaming: "
                + "server_error: the model crashed");
    }

    @Test
    void reportsAStreamThatEndsBeforeTheModelSaidWhy() {
        stub(sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"}}]}"));

        ModelException error = invokeExpectingModelError();

        assertThat(error.getMessage()).contains("ended before the model said why it stopped");
    }

    @Test
    void reportsAnUnreachableServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenAiCompatibleModel model = OpenAiCompatibleModel.builder().baseUrl("http://127.0.0.1:" + closedPort + "/v1")
                .model("llama3.2").build();

        ModelException error = catchThrowableOfType(ModelException.class,
                () -> Agent.builder().model(model).build().invoke("Hi"));

        assertThat(error.getMessage()).isEqualTo("OpenAI-compatible endpoint http://127.0.0.1:" + closedPort
                + "/v1/chat/completions for model 'llama3.2' failed: cannot connect (is the server running?)");
    }

    @Test
    void acceptsAServerThatAnswersWithOneJsonCompletion() {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"choices":[{"index":0,"message":{"role":"assistant","content":"Hello in one piece"},
                          "finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}""")));

        AgentResult result = Agent.builder().model(model()).build().invoke("Hi");

        assertThat(result.text()).isEqualTo("Hello in one piece");
        assertThat(result.usage()).isEqualTo(new Usage(3, 4, 7));
    }

    @Test
    void closingTheStreamCancelsTheRequestAndFreesTheAgent() {
        String[] chunks = new String[100];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"word \"}}]}";
        }
        wireMock.stubFor(post(urlPathEqualTo(PATH)).atPriority(5)
                .willReturn(sse(chunks).withChunkedDribbleDelay(40, 20_000)));
        wireMock.stubFor(post(urlPathEqualTo(PATH)).atPriority(1).withRequestBody(containing("second"))
                .willReturn(sse("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"quick\"},\"finish_reason\":\"stop\"}]}")));
        Agent agent = Agent.builder().model(model()).build();

        try (Stream<String> text = agent.stream("first")) {
            assertThat(text.iterator().next()).isEqualTo("word ");
        }

        assertThat(agent.messages()).isEmpty();
        assertThat(agent.invoke("second").text()).isEqualTo("quick");
    }

    @Test
    void derivesTheChatCompletionsUrlFromABaseUrl() {
        assertThat(OpenAiCompatibleModel.chatCompletions(URI.create("http://localhost:11434")))
                .isEqualTo(URI.create("http://localhost:11434/v1/chat/completions"));
        assertThat(OpenAiCompatibleModel.chatCompletions(URI.create("http://localhost:11434/v1/")))
                .isEqualTo(URI.create("http://localhost:11434/v1/chat/completions"));
        assertThat(OpenAiCompatibleModel.chatCompletions(URI.create("http://vllm:8000/openai/v1/chat/completions")))
                .isEqualTo(URI.create("http://vllm:8000/openai/v1/chat/completions"));
    }

    private static OpenAiCompatibleModel model() {
        return OpenAiCompatibleModel.builder().baseUrl(wireMock.baseUrl() + "/v1").model("llama3.2").build();
    }

    private ModelException invokeExpectingModelError() {
        Agent agent = Agent.builder().model(model()).build();
        ModelException error = catchThrowableOfType(ModelException.class, () -> agent.invoke("Hi"));
        assertThat(error).as("the model error").isNotNull();
        assertThat(agent.messages()).isEmpty();
        return error;
    }

    private static void stub(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlPathEqualTo(PATH)).atPriority(5).willReturn(response));
    }

    private static ResponseDefinitionBuilder sse(String... data) {
        StringBuilder body = new StringBuilder(": a comment line, which clients ignore\n\n");
        for (String event : data) {
            body.append("data: ").append(event.strip()).append("\n\n");
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body.toString());
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
