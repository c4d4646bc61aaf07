package dev.agentcore.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.ModelRequest;
import dev.agentcore.agent.model.Role;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.Usage;
import dev.agentcore.agent.offline.ScriptedModel;
import dev.agentcore.agent.offline.ScriptedModel.Turn;
import dev.agentcore.agent.tool.Tool;
import dev.agentcore.agent.tool.ToolParam;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AgentTest {

    static class WeatherTools {
        @Tool(description = "Current weather for a city")
        public String weather(@ToolParam(description = "City name") String city) {
            return "12C and cloudy in " + city;
        }

        @Tool(description = "Always fails")
        public String broken() {
            throw new IllegalStateException("sensor offline");
        }
    }

    @Test
    void answersAPromptWithTheModelsTextStopReasonAndUsage() {
        ScriptedModel model = ScriptedModel.of(Turn.text("Hello there").withUsage(new Usage(7, 2, 9)));
        Agent agent = Agent.builder().model(model).systemPrompt("Be brief").build();

        AgentResult result = agent.invoke("Hi");

        assertThat(result.text()).isEqualTo("Hello there");
        assertThat(result.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(result.usage()).isEqualTo(new Usage(7, 2, 9));
        assertThat(result.cycles()).isEqualTo(1);
        assertThat(result.message()).isEqualTo(Message.assistant("Hello there"));
        assertThat(agent.messages()).containsExactly(Message.user("Hi"), Message.assistant("Hello there"));
        ModelRequest sent = model.requests().getFirst();
        assertThat(sent.systemPrompt()).isEqualTo("Be brief");
        assertThat(sent.messages()).containsExactly(Message.user("Hi"));
        assertThat(sent.tools()).isEmpty();
    }

    @Test
    void streamsTextDeltasAsTheModelProducesThem() {
        GatedModel model = new GatedModel(List.of("Hel", "lo ", "world"));
        Agent agent = Agent.builder().model(model).build();

        try (Stream<String> text = agent.stream("Hi")) {
            Iterator<String> deltas = text.iterator();
            // the model holds the rest back until released: this delta arrived before the model finished
            assertThat(deltas.next()).isEqualTo("Hel");
            model.release();
            assertThat(deltas.next()).isEqualTo("lo ");
            assertThat(deltas.next()).isEqualTo("world");
            assertThat(deltas.hasNext()).isFalse();
        }
        assertThat(agent.messages().getLast()).isEqualTo(Message.assistant("Hello world"));
    }

    @Test
    void runsTheToolLoopAndFeedsAllResultsBackInOneUserMessage() {
        ScriptedModel model = ScriptedModel.of(
                Turn.of(new ContentBlock.Text("Checking."),
                        Turn.toolUseBlock("weather", "{\"city\":\"Berlin\"}"),
                        Turn.toolUseBlock("weather", "{\"city\":\"Paris\"}")).withUsage(new Usage(10, 5, 15)),
                Turn.text("Berlin 12C, Paris 12C.").withUsage(new Usage(30, 6, 36)));
        Agent agent = Agent.builder().model(model).tools(new WeatherTools()).build();

        List<AgentEvent> events;
        try (Stream<AgentEvent> stream = agent.streamEvents("Weather in Berlin and Paris?")) {
            events = stream.toList();
        }

        assertThat(events).filteredOn(AgentEvent.ToolUse.class::isInstance).extracting("name")
                .containsExactly("weather", "weather");
        assertThat(events).filteredOn(AgentEvent.ToolResult.class::isInstance).extracting("status")
                .containsExactly("success", "success");
        assertThat(events.getLast()).isEqualTo(new AgentEvent.Final("Berlin 12C, Paris 12C.", StopReason.END_TURN,
                new Usage(40, 11, 51)));
        List<Message> conversation = agent.messages();
        assertThat(conversation).hasSize(4);
        Message results = conversation.get(2);
        assertThat(results.role()).isEqualTo(Role.USER);
        assertThat(results.toolResults()).extracting(ContentBlock.ToolResult::text)
                .containsExactly("12C and cloudy in Berlin", "12C and cloudy in Paris");
        assertThat(results.toolResults()).extracting(ContentBlock.ToolResult::toolUseId)
                .containsExactlyElementsOf(conversation.get(1).toolUses().stream().map(ContentBlock.ToolUse::toolUseId).toList());
        ModelRequest second = model.requests().get(1);
        assertThat(second.messages()).containsExactlyElementsOf(conversation.subList(0, 3));
        assertThat(second.tools()).extracting("name").containsExactlyInAnyOrder("weather", "broken");
    }

    @Test
    void runsTheToolsOfOneTurnConcurrently() {
        // each tool waits at a barrier for the other: they only both succeed if they overlap
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        Object tools = new Object() {
            @Tool(description = "First")
            public String first() throws Exception {
                bothRunning.await(10, TimeUnit.SECONDS);
                return "first done";
            }

            @Tool(description = "Second")
            public String second() throws Exception {
                bothRunning.await(10, TimeUnit.SECONDS);
                return "second done";
            }
        };
        ScriptedModel model = ScriptedModel.of(
                Turn.of(Turn.toolUseBlock("first", "{}"), Turn.toolUseBlock("second", "{}")),
                Turn.text("both done"));
        Agent agent = Agent.builder().model(model).tools(tools).build();

        agent.invoke("run both");

        assertThat(agent.messages().get(2).toolResults()).extracting(ContentBlock.ToolResult::text)
                .containsExactly("first done", "second done");
    }

    @Test
    void feedsToolExceptionsBackToTheModel() {
        ScriptedModel model = ScriptedModel.of(Turn.toolUse("broken", "{}"), Turn.text("The sensor is offline."));
        Agent agent = Agent.builder().model(model).tools(new WeatherTools()).build();

        AgentResult result = agent.invoke("Weather?");

        assertThat(result.text()).isEqualTo("The sensor is offline.");
        ContentBlock.ToolResult fed = model.requests().get(1).messages().getLast().toolResults().getFirst();
        assertThat(fed.status()).isEqualTo(ContentBlock.ToolResult.Status.ERROR);
        assertThat(fed.text()).isEqualTo("Error: IllegalStateException - sensor offline");
    }

    @Test
    void stopsWithAClearErrorAfterMaxCyclesAndKeepsTheConversationAsItWas() {
        ScriptedModel model = ScriptedModel.of(Turn.toolUse("weather", "{\"city\":\"A\"}"),
                Turn.toolUse("weather", "{\"city\":\"B\"}"), Turn.toolUse("weather", "{\"city\":\"C\"}"));
        Agent agent = Agent.builder().model(model).tools(new WeatherTools()).maxCycles(2).build();

        assertThatThrownBy(() -> agent.invoke("Loop forever"))
                .isInstanceOf(MaxCyclesExceededException.class)
                .hasMessageStartingWith("The agent stopped after 2 model calls because the model still asked for tools");
        assertThat(model.requests()).hasSize(2);
        assertThat(agent.messages()).isEmpty();
    }

    @Test
    void surfacesModelErrorsAndRollsTheConversationBack() {
        ModelException throttled = ModelException.builder().message("Bedrock model 'm' failed: ThrottlingException")
                .modelId("m").errorCode("ThrottlingException").requestId("req-1").statusCode(429).build();
        ScriptedModel model = ScriptedModel.of(Turn.text("first answer"), Turn.fails(throttled), Turn.text("third"));
        Agent agent = Agent.builder().model(model).build();
        agent.invoke("one");

        assertThatThrownBy(() -> agent.invoke("two")).isSameAs(throttled);
        assertThat(agent.messages()).containsExactly(Message.user("one"), Message.assistant("first answer"));
        assertThat(agent.invoke("three").text()).isEqualTo("third");
    }

    @Test
    void refusesAConcurrentInvocationOnTheSameAgent() {
        GatedModel model = new GatedModel(List.of("a", "b"));
        Agent agent = Agent.builder().model(model).build();

        try (Stream<String> first = agent.stream("first")) {
            Iterator<String> deltas = first.iterator();
            assertThat(deltas.next()).isEqualTo("a");
            assertThatThrownBy(() -> agent.invoke("second")).isInstanceOf(ConcurrentInvocationException.class)
                    .hasMessageContaining("answers one prompt at a time");
            model.release();
            deltas.forEachRemaining(ignored -> { });
        }
        assertThat(agent.messages()).containsExactly(Message.user("first"), Message.assistant("ab"));
    }

    @Test
    void closingTheStreamCancelsTheModelCallAndFreesTheAgent() {
        GatedModel model = new GatedModel(List.of("partial", "never sent"));
        Agent agent = Agent.builder().model(model).build();

        try (Stream<String> text = agent.stream("Hi")) {
            assertThat(text.iterator().next()).isEqualTo("partial");
        }

        assertThat(model.closed).isTrue();
        assertThat(agent.messages()).isEmpty();
        assertThatThrownBy(() -> agent.invoke("again")).isInstanceOf(ModelException.class)
                .hasMessageContaining("no turn left");
    }

    @Test
    void closingTheStreamInterruptsRunningTools() throws Exception {
        CountDownLatch toolStarted = new CountDownLatch(1);
        CountDownLatch toolInterrupted = new CountDownLatch(1);
        Object tools = new Object() {
            @Tool(description = "Takes forever")
            public String slow() {
                toolStarted.countDown();
                try {
                    new CountDownLatch(1).await();
                    return "finished";
                } catch (InterruptedException e) {
                    toolInterrupted.countDown();
                    return "interrupted";
                }
            }
        };
        ScriptedModel model = ScriptedModel.of(Turn.toolUse("slow", "{}"), Turn.text("unused"));
        Agent agent = Agent.builder().model(model).tools(tools).build();

        try (Stream<AgentEvent> events = agent.streamEvents("go")) {
            Iterator<AgentEvent> iterator = events.iterator();
            while (!(iterator.next() instanceof AgentEvent.ToolUse)) {
                // skip the text before the tool use
            }
            assertThat(toolStarted.await(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(toolInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(model.requests()).hasSize(1);
        assertThat(agent.messages()).isEmpty();
    }

    @Test
    void endsWithTheModelsStopReasonWhenItRanOutOfTokens() {
        ScriptedModel model = ScriptedModel.of(Turn.text("A long answer that was cut").withStopReason(StopReason.MAX_TOKENS));
        AgentResult result = Agent.builder().model(model).build().invoke("Tell me everything");

        assertThat(result.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(result.text()).isEqualTo("A long answer that was cut");
    }

    @Test
    void refusesToRunAToolWhoseRequestWasCutOffByTheTokenLimit() {
        ScriptedModel model = ScriptedModel.of(Turn.toolUse("weather", "{\"city\":\"Berlin\"}")
                .withStopReason(StopReason.MAX_TOKENS));
        Agent agent = Agent.builder().model(model).tools(new WeatherTools()).build();

        assertThatThrownBy(() -> agent.invoke("Weather?")).isInstanceOf(AgentException.class)
                .hasMessageContaining("output token limit while asking for a tool");
    }

    @Test
    void trimsTheConversationAndRetriesWhenTheContextWindowOverflows() {
        ModelException overflow = ModelException.builder().message("too long").modelId("m")
                .errorCode("ValidationException").requestId("r").statusCode(400).contextWindowOverflow(true).build();
        ScriptedModel model = ScriptedModel.of(Turn.text("a1"), Turn.text("a2"), Turn.fails(overflow), Turn.text("a3"));
        Agent agent = Agent.builder().model(model).build();
        agent.invoke("q1");
        agent.invoke("q2");

        assertThat(agent.invoke("q3").text()).isEqualTo("a3");

        assertThat(model.requests().get(3).messages()).containsExactly(Message.user("q2"), Message.assistant("a2"),
                Message.user("q3"));
    }

    @Test
    void appliesTheSlidingWindowAfterEachInvocation() {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            turns.add(Turn.text("a" + i));
        }
        Agent agent = Agent.builder().model(ScriptedModel.of(turns))
                .conversationManager(new dev.agentcore.agent.conversation.SlidingWindowConversationManager(4)).build();
        for (int i = 0; i < 5; i++) {
            agent.invoke("q" + i);
        }
        assertThat(agent.messages()).containsExactly(Message.user("q3"), Message.assistant("a3"), Message.user("q4"),
                Message.assistant("a4"));
    }

    @Test
    void eventsSerialiseToJsonWithAType() {
        JsonMapper json = JsonMapper.shared();
        AgentEvent.ToolUse use = new AgentEvent.ToolUse("t1", "weather", json.readTree("{\"city\":\"Berlin\"}"));
        AgentEvent.ToolResult result = new AgentEvent.ToolResult("t1", "success",
                List.of(new dev.agentcore.agent.model.ToolResultContent.Text("12C")));

        assertThat(json.writeValueAsString(new AgentEvent.TextDelta("Hel"))).isEqualTo("{\"type\":\"text_delta\",\"text\":\"Hel\"}");
        assertThat(json.writeValueAsString(use))
                .isEqualTo("{\"type\":\"tool_use\",\"toolUseId\":\"t1\",\"name\":\"weather\",\"input\":{\"city\":\"Berlin\"}}");
        assertThat(json.writeValueAsString(result))
                .isEqualTo("{\"type\":\"tool_result\",\"toolUseId\":\"t1\",\"status\":\"success\",\"content\":[{\"text\":\"12C\"}]}");
        assertThat(json.writeValueAsString(new AgentEvent.Final("Hi", StopReason.END_TURN, new Usage(1, 2, 3))))
                .isEqualTo("{\"type\":\"final\",\"text\":\"Hi\",\"stopReason\":\"end_turn\","
                        + "\"usage\":{\"inputTokens\":1,\"outputTokens\":2,\"totalTokens\":3}}");
        assertThat(json.readValue(json.writeValueAsString(result), AgentEvent.class)).isEqualTo(result);
    }

    @Test
    void refusesAnEmptyPrompt() {
        Agent agent = Agent.builder().model(ScriptedModel.of()).build();
        assertThatThrownBy(() -> agent.invoke(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("prompt must not be empty");
    }

    /**
     * Streams its first delta, then waits until released before the rest; records whether its stream was
     * closed. A second call has no turn left.
     */
    static final class GatedModel implements Model {
        private final List<String> deltas;
        private final CountDownLatch gate = new CountDownLatch(1);
        private final AtomicBoolean used = new AtomicBoolean();
        volatile boolean closed;

        GatedModel(List<String> deltas) {
            this.deltas = deltas;
        }

        void release() {
            gate.countDown();
        }

        @Override
        public Stream<ModelEvent> stream(ModelRequest request) {
            if (used.getAndSet(true)) {
                return ScriptedModel.of().stream(request);
            }
            List<ModelEvent> events = new ArrayList<>();
            deltas.forEach(delta -> events.add(new ModelEvent.TextDelta(delta)));
            events.add(new ModelEvent.MessageStop(StopReason.END_TURN));
            AtomicBoolean first = new AtomicBoolean(true);
            return events.stream().peek(event -> {
                if (!first.getAndSet(false)) {
                    awaitGate();
                }
            }).onClose(() -> closed = true);
        }

        private void awaitGate() {
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(new TimeoutException("gate never opened"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }
    }
}
