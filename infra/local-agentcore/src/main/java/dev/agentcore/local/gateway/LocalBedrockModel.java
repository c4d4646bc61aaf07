package dev.agentcore.local.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.Response;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The gateway's Bedrock runtime: a deterministic echo that answers Converse and ConverseStream for any model id, as
 * the agent kit's offline model does: "{@value #LABEL} You said: PROMPT" for the last user message's text, or
 * "{@value #LABEL} Tool NAME returned: RESULT" when it holds tool results. It never calls tools. ConverseStream's
 * answer is AWS's event stream ({@code application/vnd.amazon.eventstream}), framed by the SDK's own eventstream
 * library: messageStart, a contentBlockDelta per word, contentBlockStop, messageStop, metadata (usage counts words).
 */
final class LocalBedrockModel {

    static final String LABEL = "[local model]";
    private static final Pattern WORD_WITH_SPACE = Pattern.compile("\\S+\\s*|\\s+");

    private LocalBedrockModel() {
    }

    static Response converse(byte[] body) {
        Reply reply = reply(body);
        ObjectNode answer = Response.JSON.createObjectNode();
        ObjectNode message = answer.putObject("output").putObject("message");
        message.put("role", "assistant");
        message.putArray("content").addObject().put("text", reply.text());
        answer.put("stopReason", "end_turn");
        answer.set("usage", usage(reply));
        answer.putObject("metrics").put("latencyMs", 0);
        return Response.json(200, answer);
    }

    static Response converseStream(byte[] body) {
        Reply reply = reply(body);
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.amazon.eventstream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                event(out, "messageStart", node -> node.put("role", "assistant"));
                Matcher words = WORD_WITH_SPACE.matcher(reply.text());
                while (words.find()) {
                    String word = words.group();
                    event(out, "contentBlockDelta", node -> {
                        node.put("contentBlockIndex", 0);
                        node.putObject("delta").put("text", word);
                    });
                }
                event(out, "contentBlockStop", node -> node.put("contentBlockIndex", 0));
                event(out, "messageStop", node -> node.put("stopReason", "end_turn"));
                event(out, "metadata", node -> {
                    node.set("usage", usage(reply));
                    node.putObject("metrics").put("latencyMs", 0);
                });
            }
        };
    }

    private record Reply(String text, int inputWords) {
    }

    private static Reply reply(byte[] body) {
        JsonNode request;
        try {
            request = Response.JSON.readTree(body);
        } catch (RuntimeException e) {
            throw AwsError.of(400, "ValidationException", "The request body is not valid JSON.").exception();
        }
        JsonNode messages = request.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            // Bedrock's validation text for an empty conversation.
            throw AwsError.of(400, "ValidationException",
                    "A conversation must start with a user message. Try again with a conversation that starts with a"
                            + " user message.").exception();
        }
        JsonNode last = messages.get(messages.size() - 1);
        List<String> text = new ArrayList<>();
        List<String> results = new ArrayList<>();
        for (JsonNode block : last.path("content")) {
            if (block.has("text")) {
                text.add(block.path("text").asString(""));
            } else if (block.has("toolResult")) {
                JsonNode result = block.path("toolResult");
                StringBuilder content = new StringBuilder();
                for (JsonNode part : result.path("content")) {
                    content.append(part.has("text") ? part.path("text").asString("") : part.path("json").toString());
                }
                results.add("Tool " + toolName(messages, result.path("toolUseId").asString(""))
                        + ("error".equals(result.path("status").asString("")) ? " failed: " : " returned: ") + content);
            }
        }
        String answer = !results.isEmpty() && text.isEmpty() ? LABEL + " " + String.join(" ", results)
                : LABEL + " You said: " + String.join("\n", text);
        return new Reply(answer, words(request.toString()));
    }

    private static String toolName(JsonNode messages, String toolUseId) {
        for (JsonNode message : messages) {
            for (JsonNode block : message.path("content")) {
                JsonNode use = block.path("toolUse");
                if (use.path("toolUseId").asString("").equals(toolUseId)) {
                    return use.path("name").asString(toolUseId);
                }
            }
        }
        return toolUseId;
    }

    private static ObjectNode usage(Reply reply) {
        ObjectNode usage = Response.JSON.createObjectNode();
        int output = words(reply.text());
        usage.put("inputTokens", reply.inputWords());
        usage.put("outputTokens", output);
        usage.put("totalTokens", reply.inputWords() + output);
        return usage;
    }

    private static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    private interface Payload {
        void fill(ObjectNode node);
    }

    /** One event-stream message, as Bedrock frames an event: its type, JSON content, message type "event". */
    private static void event(OutputStream out, String type, Payload payload) throws IOException {
        ObjectNode node = Response.JSON.createObjectNode();
        payload.fill(node);
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":event-type", HeaderValue.fromString(type));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        headers.put(":message-type", HeaderValue.fromString("event"));
        new Message(headers, Response.JSON.writeValueAsBytes(node)).encode(out);
        out.flush();
    }
}
