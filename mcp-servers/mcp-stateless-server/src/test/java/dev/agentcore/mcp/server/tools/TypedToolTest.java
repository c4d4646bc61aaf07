package dev.agentcore.mcp.server.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@SuppressWarnings("unchecked")
class TypedToolTest {

    enum Unit { @JsonProperty("km") KILOMETRES, @JsonProperty("mi") MILES }

    record Input(
            @Min(1) @Max(10) @JsonPropertyDescription("how many") int count,
            @NotNull Unit unit,
            @JsonPropertyDescription("optional note") String note) {
    }

    record Output(int doubled, @NotNull String unit) {
    }

    private final TypedTools tools = new TypedTools(McpJsonDefaults.getMapper());

    private final SyncToolSpecification doubler = tools.tool("double", Input.class, Output.class)
            .title("Doubler").description("Doubles the count").readOnly()
            .handledBy(input -> {
                if ("boom".equals(input.note())) {
                    throw new IllegalStateException("internal detail that must not reach the client");
                }
                if (input.count() == 7) {
                    throw new IllegalArgumentException("count 7 is unlucky");
                }
                return new Output(input.count() * 2, input.unit() == Unit.KILOMETRES ? "km" : "mi");
            });

    @Test
    void theInputRecordBecomesAStrictDraft202012Schema() {
        Map<String, Object> schema = doubler.tool().inputSchema();

        assertThat(schema).containsEntry("$schema", "https://json-schema.org/draft/2020-12/schema")
                .containsEntry("type", "object").containsEntry("additionalProperties", false);
        assertThat((List<Object>) schema.get("required")).containsExactlyInAnyOrder("count", "unit");
        assertThat(property(schema, "count")).containsEntry("type", "integer").containsEntry("description", "how many");
        assertThat(property(schema, "count").get("minimum")).hasToString("1");
        assertThat(property(schema, "count").get("maximum")).hasToString("10");
        assertThat(property(schema, "unit")).containsEntry("enum", List.of("km", "mi"));
        assertThat(property(schema, "note")).containsEntry("type", "string");
    }

    @Test
    void theOutputRecordBecomesTheOutputSchemaAndTheAnnotationsSayReadOnly() {
        assertThat((List<Object>) doubler.tool().outputSchema().get("required")).containsExactlyInAnyOrder("doubled", "unit");
        assertThat(doubler.tool().title()).isEqualTo("Doubler");
        assertThat(doubler.tool().annotations().readOnlyHint()).isTrue();
        assertThat(doubler.tool().annotations().idempotentHint()).isTrue();
        assertThat(doubler.tool().annotations().destructiveHint()).isFalse();
    }

    @Test
    void aCallReturnsStructuredContentAndTheSameJsonAsText() {
        CallToolResult result = call(Map.of("count", 3, "unit", "mi"));

        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).isEqualTo(Map.of("doubled", 6, "unit", "mi"));
        assertThat(((TextContent) result.content().getFirst()).text()).isEqualTo("{\"doubled\":6,\"unit\":\"mi\"}");
    }

    @Test
    void anIllegalArgumentIsAToolErrorWithItsMessage() {
        CallToolResult result = call(Map.of("count", 7, "unit", "km"));

        assertThat(result.isError()).isTrue();
        assertThat(((TextContent) result.content().getFirst()).text())
                .isEqualTo("Invalid arguments for tool double: count 7 is unlucky");
    }

    @Test
    void anUnexpectedFailureIsAToolErrorWithoutItsDetails() {
        CallToolResult result = call(Map.of("count", 1, "unit", "km", "note", "boom"));

        assertThat(result.isError()).isTrue();
        assertThat(((TextContent) result.content().getFirst()).text())
                .isEqualTo("Tool double failed unexpectedly; see the server log")
                .doesNotContain("internal detail");
    }

    private CallToolResult call(Map<String, Object> arguments) {
        return doubler.callHandler().apply(McpTransportContext.EMPTY, new CallToolRequest("double", arguments));
    }

    private static Map<String, Object> property(Map<String, Object> schema, String name) {
        return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get(name);
    }
}
