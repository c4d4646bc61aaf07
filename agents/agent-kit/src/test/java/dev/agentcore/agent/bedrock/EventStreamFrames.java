package dev.agentcore.agent.bedrock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/** Real AWS event-stream frames, encoded with the AWS event-stream library, as ConverseStream sends them. */
final class EventStreamFrames {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    EventStreamFrames event(String eventType, String json) {
        return frame(Map.of(":message-type", "event", ":event-type", eventType, ":content-type", "application/json"), json);
    }

    EventStreamFrames exception(String exceptionType, String json) {
        return frame(Map.of(":message-type", "exception", ":exception-type", exceptionType,
                ":content-type", "application/json"), json);
    }

    EventStreamFrames text(int index, String... deltas) {
        for (String delta : deltas) {
            event("contentBlockDelta", "{\"contentBlockIndex\":" + index + ",\"delta\":{\"text\":\"" + delta + "\"}}");
        }
        return event("contentBlockStop", "{\"contentBlockIndex\":" + index + "}");
    }

    EventStreamFrames toolUse(int index, String toolUseId, String name, String... inputFragments) {
        event("contentBlockStart", "{\"contentBlockIndex\":" + index + ",\"start\":{\"toolUse\":{\"toolUseId\":\""
                + toolUseId + "\",\"name\":\"" + name + "\"}}}");
        for (String fragment : inputFragments) {
            String escaped = fragment.replace("\\", "\\\\").replace("\"", "\\\"");
            event("contentBlockDelta", "{\"contentBlockIndex\":" + index + ",\"delta\":{\"toolUse\":{\"input\":\"" + escaped + "\"}}}");
        }
        return event("contentBlockStop", "{\"contentBlockIndex\":" + index + "}");
    }

    EventStreamFrames stop(String stopReason, int inputTokens, int outputTokens) {
        event("messageStop", "{\"stopReason\":\"" + stopReason + "\"}");
        return event("metadata", "{\"usage\":{\"inputTokens\":" + inputTokens + ",\"outputTokens\":" + outputTokens
                + ",\"totalTokens\":" + (inputTokens + outputTokens) + "},\"metrics\":{\"latencyMs\":42}}");
    }

    EventStreamFrames start() {
        return event("messageStart", "{\"role\":\"assistant\"}");
    }

    byte[] bytes() {
        return body.toByteArray();
    }

    private EventStreamFrames frame(Map<String, String> headers, String json) {
        Map<String, HeaderValue> values = new LinkedHashMap<>();
        headers.forEach((name, value) -> values.put(name, HeaderValue.fromString(value)));
        new Message(values, json.getBytes(StandardCharsets.UTF_8)).encode(body);
        return this;
    }
}
