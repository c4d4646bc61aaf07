package dev.agentcore.client.output;

import dev.agentcore.client.invoke.InvocationResponse;
import dev.agentcore.core.sse.EventStreamReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints a response as it arrives. Server-sent events are decoded: a JSON string event (a streamed token) prints
 * as text, any other JSON event as one compact line. A JSON body is pretty-printed. Raw mode copies the bytes.
 */
public final class ResponsePrinter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private final PrintStream out;
    private final boolean raw;

    public ResponsePrinter(PrintStream out, boolean raw) {
        this.out = out;
        this.raw = raw;
    }

    /** What a stream said about itself: how many events, and the error an agent reported mid-stream (or null). */
    public record Outcome(int events, String agentError) {

        /** A body that was not a stream of events, so nothing in it could report an agent error. */
        static Outcome notAStream() {
            return new Outcome(0, null);
        }
    }

    public Outcome print(InvocationResponse response) throws IOException {
        try (InputStream body = response.body()) {
            if (raw) {
                copy(body);
                return Outcome.notAStream();
            }
            if (response.isEventStream()) {
                return events(body);
            }
            if (response.isJson()) {
                printJson(new String(body.readAllBytes(), StandardCharsets.UTF_8));
                return Outcome.notAStream();
            }
            copy(body);
            return Outcome.notAStream();
        }
    }

    private void copy(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = body.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private void printJson(String text) {
        try {
            out.println(JSON.writeValueAsString(JSON.readTree(text)));
        } catch (RuntimeException notJson) {
            out.println(text);
        }
        out.flush();
    }

    private Outcome events(InputStream body) throws IOException {
        EventStreamReader reader = EventStreamReader.utf8(body);
        int events = 0;
        String agentError = null;
        boolean midLine = false;
        for (String data = reader.nextData(); data != null; data = reader.nextData()) {
            events++;
            EventResult result = event(data, midLine);
            midLine = result.midLine();
            agentError = agentError == null ? result.agentError() : agentError;
        }
        if (midLine) {
            out.println();
        }
        out.flush();
        return new Outcome(events, agentError);
    }

    private record EventResult(boolean midLine, String agentError) {

        /** An event that reported no error. */
        static EventResult clean(boolean midLine) {
            return new EventResult(midLine, null);
        }
    }

    private EventResult event(String data, boolean midLine) {
        JsonNode node;
        try {
            node = COMPACT.readTree(data);
        } catch (RuntimeException notJson) {
            node = null;
        }
        if (node != null && node.isString()) {
            out.print(node.asString());
            out.flush();
            return EventResult.clean(!node.asString().endsWith("\n"));
        }
        if (midLine) {
            out.println();
        }
        out.println(node == null ? data : COMPACT.writeValueAsString(node));
        out.flush();
        return new EventResult(false, node == null ? null : agentError(node));
    }

    /** The Python SDK ends a failed stream with {"error": ..., "error_type": ..., "message": ...}. */
    private static String agentError(JsonNode node) {
        if (node.isObject() && node.hasNonNull("error") && (node.has("error_type") || node.has("message"))) {
            return node.get("error").isString() ? node.get("error").asString() : node.get("error").toString();
        }
        return null;
    }
}
