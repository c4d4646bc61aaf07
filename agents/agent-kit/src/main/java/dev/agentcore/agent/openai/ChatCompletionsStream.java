package dev.agentcore.agent.openai;

import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.Usage;
import dev.agentcore.core.sse.EventStreamReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a chat-completions SSE stream ({@code data: {chunk}} events, ending with {@code data: [DONE]}) and
 * turns its chunks into {@link ModelEvent}s. Tool calls arrive in pieces keyed by {@code index}: the first
 * piece has the id and name, later ones append to {@code arguments}. Not thread-safe.
 */
final class ChatCompletionsStream {

    private final EventStreamReader events;
    private final String modelName;
    private final Deque<ModelEvent> ready = new ArrayDeque<>();
    private final Map<Integer, String> toolCallIds = new TreeMap<>(); // by index: the id of the latest call there
    private final List<String> startedToolCalls = new ArrayList<>();
    private String finishReason;
    private Usage usage;
    private boolean finished;

    ChatCompletionsStream(BufferedReader reader, String modelName) {
        this.events = new EventStreamReader(reader);
        this.modelName = modelName;
    }

    /** The next event, or null at the end. */
    ModelEvent next() throws IOException {
        while (ready.isEmpty() && !finished) {
            String data = events.nextData();
            if (data == null || data.equals("[DONE]")) {
                finish();
            } else {
                accept(parse(data));
            }
        }
        return ready.poll();
    }

    /** Accepts one chunk, or a whole non-streamed completion when the server ignored {@code stream}. */
    void accept(JsonNode chunk) {
        JsonNode error = chunk.get("error");
        if (error != null && !error.isNull()) {
            throw OpenAiErrors.inStream(error, modelName);
        }
        for (JsonNode choice : chunk.path("choices")) {
            JsonNode delta = choice.has("delta") ? choice.get("delta") : choice.path("message");
            String text = delta.path("content").asString("");
            if (!text.isEmpty()) {
                ready.add(new ModelEvent.TextDelta(text));
            }
            int position = 0;
            for (JsonNode call : delta.path("tool_calls")) {
                acceptToolCall(call, position++);
            }
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.get("finish_reason").asString();
            }
        }
        JsonNode reported = chunk.get("usage");
        if (reported != null && reported.isObject()) {
            int input = reported.path("prompt_tokens").asInt(0);
            int output = reported.path("completion_tokens").asInt(0);
            usage = new Usage(input, output, reported.path("total_tokens").asInt(input + output));
        }
    }

    private void acceptToolCall(JsonNode call, int position) {
        int index = call.path("index").asInt(position);
        JsonNode function = call.path("function");
        String id = toolCallIds.get(index);
        String sentId = call.path("id").asString("");
        // Ollama sends parallel calls all at index 0, each with its own id: another id and a name is another call
        if (id == null || !sentId.isEmpty() && !sentId.equals(id) && !function.path("name").asString("").isEmpty()) {
            id = sentId.isEmpty() ? "call_" + index : sentId;
            toolCallIds.put(index, id);
            startedToolCalls.add(id);
            ready.add(new ModelEvent.ToolUseStart(id, function.path("name").asString("")));
        }
        String arguments = function.path("arguments").isString() ? function.get("arguments").asString()
                : function.has("arguments") ? function.get("arguments").toString() : "";
        if (!arguments.isEmpty()) {
            ready.add(new ModelEvent.ToolUseDelta(id, arguments));
        }
    }

    /** Closes open tool calls and reports the stop reason and usage; none when the server never said why it stopped. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        startedToolCalls.forEach(id -> ready.add(new ModelEvent.ToolUseStop(id)));
        if (finishReason != null) {
            ready.add(new ModelEvent.MessageStop(stopReason(finishReason, !startedToolCalls.isEmpty())));
        }
        if (usage != null) {
            ready.add(new ModelEvent.UsageReport(usage));
        }
    }

    /** Some servers say "stop" even when the message holds tool calls; the calls decide then. */
    private static StopReason stopReason(String finishReason, boolean calledTools) {
        return switch (finishReason) {
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "length" -> StopReason.MAX_TOKENS;
            case "content_filter" -> StopReason.CONTENT_FILTERED;
            case "stop" -> calledTools ? StopReason.TOOL_USE : StopReason.END_TURN;
            default -> calledTools ? StopReason.TOOL_USE : StopReason.UNKNOWN;
        };
    }

    private JsonNode parse(String data) {
        try {
            return JsonMapper.shared().readTree(data);
        } catch (JacksonException e) {
            throw ModelException.builder()
                    .message("OpenAI-compatible model '" + modelName + "' sent a stream event that is not JSON: "
                            + (data.length() > 200 ? data.substring(0, 200) + "..." : data))
                    .modelId(modelName)
                    .cause(e)
                    .build();
        }
    }
}
