package dev.agentcore.agent.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.ToolResultContent;
import dev.agentcore.agent.model.ToolSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ToolRegistryTest {

    enum Sport { RUNNING, CYCLING }

    record Split(@ToolParam(description = "Kilometre number") int km,
                 @ToolParam(description = "Seconds for that kilometre") double seconds,
                 Optional<String> note) {}

    static class CoachTools {
        @Tool(description = "Pace in minutes per kilometre")
        public String pace(@ToolParam(description = "Distance in km") double distanceKm,
                           @ToolParam(description = "Time in minutes") int minutes) {
            return String.format(Locale.ROOT, "%.2f min/km", minutes / distanceKm);
        }

        @Tool(name = "summarise_splits", description = "Summarises splits of one workout")
        public Summary splits(@ToolParam(description = "The sport") Sport sport,
                              @ToolParam(description = "Splits in order") List<Split> splits,
                              @ToolParam(description = "Athlete name") Optional<String> athlete,
                              @ToolParam(description = "Heart rate", required = false) Integer heartRate) {
            double total = splits.stream().mapToDouble(Split::seconds).sum();
            return new Summary(sport, splits.size(), total, athlete.orElse("anonymous"), heartRate);
        }

        @Tool(description = "Always fails")
        public String broken(String reason) {
            throw new IllegalStateException("the tool broke: " + reason);
        }

        @Tool(description = "Rejects bad input")
        public String picky(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("value must not be negative");
            }
            return "ok";
        }

        @Tool(description = "Returns nothing")
        public void reset() {
        }

        public String notATool() {
            return "hidden";
        }
    }

    record Summary(Sport sport, int count, double totalSeconds, String athlete, Integer heartRate) {}

    static class StaticTools {
        @Tool(description = "Adds two numbers")
        static long add(long a, long b) {
            return a + b;
        }
    }

    private static final JsonMapper JSON = JsonMapper.shared();
    private final ToolRegistry registry = ToolRegistry.of(new CoachTools());

    @Test
    void registersAnnotatedMethodsOnlyUnderTheirNames() {
        assertThat(registry.names()).containsExactlyInAnyOrder("pace", "summarise_splits", "broken", "picky", "reset");
    }

    @Test
    void derivesTheInputSchemaOfSimpleParameters() {
        ToolSpec pace = spec("pace");
        assertThat(pace.description()).isEqualTo("Pace in minutes per kilometre");
        assertThat(pace.inputSchema()).isEqualTo(json("""
                {"type":"object",
                 "properties":{
                   "distanceKm":{"type":"number","description":"Distance in km"},
                   "minutes":{"type":"integer","description":"Time in minutes"}},
                 "required":["distanceKm","minutes"]}"""));
    }

    @Test
    void derivesRecordsEnumsListsAndOptionalsWithTheSchemaLibrary() {
        JsonNode schema = spec("summarise_splits").inputSchema();
        JsonNode properties = schema.get("properties");

        assertThat(properties.get("sport")).isEqualTo(json("""
                {"type":"string","enum":["RUNNING","CYCLING"],"description":"The sport"}"""));
        assertThat(properties.get("splits").get("type").asString()).isEqualTo("array");
        JsonNode split = properties.get("splits").get("items");
        assertThat(split.get("type").asString()).isEqualTo("object");
        assertThat(split.get("properties").get("km")).isEqualTo(json("""
                {"type":"integer","description":"Kilometre number"}"""));
        assertThat(split.get("properties").get("seconds").get("type").asString()).isEqualTo("number");
        assertThat(split.get("properties").get("note").get("type").asString()).isEqualTo("string");
        assertThat(split.get("required")).isEqualTo(json("[\"km\",\"seconds\"]"));
        assertThat(properties.get("athlete")).isEqualTo(json("""
                {"type":"string","description":"Athlete name"}"""));
        assertThat(properties.get("heartRate").get("type").asString()).isEqualTo("integer");
        assertThat(schema.get("required")).isEqualTo(json("[\"sport\",\"splits\"]"));
    }

    @Test
    void bindsTheModelsInputWithJacksonAndReturnsObjectsAsJson() {
        ContentBlock.ToolResult result = registry.run(new ContentBlock.ToolUse("t1", "summarise_splits", json("""
                {"sport":"running","splits":[{"km":1,"seconds":300},{"km":2,"seconds":290.5,"note":"hill"}],
                 "heartRate":151}""")));

        assertThat(result.status()).isEqualTo(ContentBlock.ToolResult.Status.SUCCESS);
        assertThat(result.content()).containsExactly(new ToolResultContent.Json(json("""
                {"sport":"RUNNING","count":2,"totalSeconds":590.5,"athlete":"anonymous","heartRate":151}""")));
    }

    @Test
    void returnsStringsAsText() {
        ContentBlock.ToolResult result = registry.run(new ContentBlock.ToolUse("t2", "pace",
                json("{\"distanceKm\":10,\"minutes\":50}")));

        assertThat(result.content()).containsExactly(new ToolResultContent.Text("5.00 min/km"));
    }

    @Test
    void sayDoneForVoidTools() {
        assertThat(registry.run(new ContentBlock.ToolUse("t3", "reset", json("{}"))).text()).isEqualTo("done");
    }

    @Test
    void feedsToolExceptionsBackAsErrorResultsWordedAsStrands() {
        ContentBlock.ToolResult failed = registry.run(new ContentBlock.ToolUse("t4", "broken", json("{\"reason\":\"x\"}")));
        assertThat(failed.status()).isEqualTo(ContentBlock.ToolResult.Status.ERROR);
        assertThat(failed.text()).isEqualTo("Error: IllegalStateException - the tool broke: x");

        ContentBlock.ToolResult rejected = registry.run(new ContentBlock.ToolUse("t5", "picky", json("{\"value\":-1}")));
        assertThat(rejected.text()).isEqualTo("Error: value must not be negative");
    }

    @Test
    void reportsMissingAndMistypedArgumentsToTheModel() {
        assertThat(registry.run(new ContentBlock.ToolUse("t6", "pace", json("{\"distanceKm\":10}"))).text())
                .isEqualTo("Error: missing required parameter 'minutes'");
        assertThat(registry.run(new ContentBlock.ToolUse("t7", "pace", json("{\"distanceKm\":\"far\",\"minutes\":5}"))).text())
                .startsWith("Error: parameter 'distanceKm' does not fit double");
        assertThat(registry.run(new ContentBlock.ToolUse("t8", "nope", json("{}"))).text())
                .startsWith("Error: unknown tool 'nope'; available tools: ");
    }

    static class CalendarTools {
        @Tool(description = "Plans a workout")
        public String plan(@ToolParam(description = "Day of the workout") LocalDate day,
                           @ToolParam(description = "Minutes per sport") Map<String, Integer> minutes) {
            return day.getDayOfWeek() + " " + minutes;
        }
    }

    @Test
    void describesDatesAsStringsAndMapsAsObjects() {
        ToolRegistry calendar = ToolRegistry.of(new CalendarTools());
        JsonNode properties = calendar.find("plan").orElseThrow().spec().inputSchema().get("properties");

        assertThat(properties.get("day").get("type").asString()).isEqualTo("string");
        assertThat(properties.get("minutes").get("type").asString()).isEqualTo("object");
        assertThat(calendar.run(new ContentBlock.ToolUse("t", "plan", json("{\"day\":\"2026-11-25\",\"minutes\":{\"run\":30}}"))).text())
                .isEqualTo("WEDNESDAY {run=30}");
    }

    @Test
    void takesStaticMethodsFromAClass() {
        ToolRegistry statics = ToolRegistry.of(StaticTools.class);
        assertThat(statics.run(new ContentBlock.ToolUse("t9", "add", json("{\"a\":2,\"b\":3}"))).text())
                .isEqualTo("5");
    }

    @Test
    void takesAgentToolsAsTheyAre() {
        AgentTool echo = new AgentTool() {
            @Override
            public ToolSpec spec() {
                return new ToolSpec("echo", "Echoes", JSON.createObjectNode().put("type", "object"));
            }

            @Override
            public List<ToolResultContent> call(JsonNode input) {
                return List.of(new ToolResultContent.Text(input.toString()));
            }
        };
        assertThat(ToolRegistry.of(echo).run(new ContentBlock.ToolUse("t", "echo", json("{\"a\":1}"))).text())
                .isEqualTo("{\"a\":1}");
    }

    @Test
    void refusesBadToolDefinitionsWithTheMethodNamed() {
        assertThatThrownBy(() -> ToolRegistry.of(new Object()))
                .hasMessage("java.lang.Object has no @Tool methods and is not an AgentTool");
        assertThatThrownBy(() -> ToolRegistry.of(new CoachTools(), new CoachTools()))
                .hasMessageContaining("Two tools are named");
        assertThatThrownBy(() -> ToolRegistry.of(new BadName()))
                .hasMessageContaining("BadName#run: tool name 'has space' must be 1-64 letters");
        assertThatThrownBy(() -> ToolRegistry.of(new OptionalPrimitive()))
                .hasMessageContaining("OptionalPrimitive#run: optional parameter 'count' cannot be the primitive int");
        assertThatThrownBy(() -> ToolRegistry.of(CoachTools.class))
                .hasMessageContaining("is not static; pass an instance");
    }

    static class BadName {
        @Tool(name = "has space", description = "x")
        public String run() {
            return "";
        }
    }

    static class OptionalPrimitive {
        @Tool(description = "x")
        public String run(@ToolParam(required = false) int count) {
            return "";
        }
    }

    private ToolSpec spec(String name) {
        return registry.find(name).orElseThrow().spec();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
