package dev.agentcore.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.agent.Agent;
import dev.agentcore.agent.AgentEvent;
import dev.agentcore.agent.AgentResult;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.tool.Tool;
import dev.agentcore.agent.tool.ToolParam;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OfflineModelsTest {

    static class PaceTools {
        @Tool(description = "Running pace in minutes per km")
        public String pace(@ToolParam(description = "Distance in km") double distanceKm,
                           @ToolParam(description = "Time in minutes") int minutes) {
            return String.format(Locale.ROOT, "%.2f min/km", minutes / distanceKm);
        }
    }

    @Test
    void echoesThePromptWordByWordWithAPlainLabel() {
        Agent agent = Agent.builder().model(new OfflineEchoModel()).build();

        List<String> deltas;
        try (Stream<String> text = agent.stream("What is VO2 max?")) {
            deltas = text.toList();
        }

        assertThat(deltas).containsExactly("[offline ", "model] ", "You ", "said: ", "What ", "is ", "VO2 ", "max?");
        assertThat(String.join("", deltas)).isEqualTo("[offline model] You said: What is VO2 max?");
    }

    @Test
    void callsAToolNamedInThePromptWithArgumentsWrittenThere() {
        Agent agent = Agent.builder().model(new OfflineEchoModel()).tools(new PaceTools()).build();

        List<AgentEvent> events;
        try (Stream<AgentEvent> stream = agent.streamEvents("Use pace with distanceKm=10 and minutes: 50 please")) {
            events = stream.toList();
        }

        assertThat(events).filteredOn(AgentEvent.ToolUse.class::isInstance)
                .containsExactly(new AgentEvent.ToolUse("offline_tooluse_1", "pace",
                        JsonMapper.shared().readTree("{\"distanceKm\":10,\"minutes\":50}")));
        AgentEvent.Final last = (AgentEvent.Final) events.getLast();
        assertThat(last.text()).isEqualTo("[offline model] Tool pace returned: 5.00 min/km");
        assertThat(last.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void letsTheToolExplainMissingArguments() {
        Agent agent = Agent.builder().model(new OfflineEchoModel()).tools(new PaceTools()).build();

        AgentResult result = agent.invoke("What is my pace over distanceKm=5?");

        assertThat(result.text()).isEqualTo("[offline model] Tool pace failed: Error: missing required parameter 'minutes'");
    }

    @Test
    void streamsWithAPauseBetweenWordsWhenAsked() {
        Agent agent = Agent.builder().model(new OfflineEchoModel(Duration.ofMillis(1))).build();

        assertThat(agent.invoke("slow down").text()).isEqualTo("[offline model] You said: slow down");
    }

    @Test
    void scriptedModelFailsClearlyWhenTheScriptRunsOut() {
        ScriptedModel model = ScriptedModel.of(ScriptedModel.Turn.text("only answer"));
        Agent agent = Agent.builder().model(model).build();
        agent.invoke("one");

        assertThatThrownBy(() -> agent.invoke("two")).isInstanceOf(ModelException.class)
                .hasMessage("ScriptedModel has no turn left: its script has 1 turns and this is model call 2");
        assertThat(model.remainingTurns()).isZero();
    }

    @Test
    void scriptedModelCountsWordsAsUsage() {
        ScriptedModel model = ScriptedModel.of(ScriptedModel.Turn.text("three little words"));

        AgentResult result = Agent.builder().model(model).systemPrompt("Be kind").build().invoke("hello there");

        assertThat(result.usage().inputTokens()).isEqualTo(4);
        assertThat(result.usage().outputTokens()).isEqualTo(3);
    }
}
