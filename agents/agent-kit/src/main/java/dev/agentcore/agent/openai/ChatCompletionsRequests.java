package dev.agentcore.agent.openai;

import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.ModelRequest;
import dev.agentcore.agent.model.Role;
import dev.agentcore.agent.model.ToolSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Our conversation as an OpenAI chat-completions request body with {@code stream: true}. */
final class ChatCompletionsRequests {

    private ChatCompletionsRequests() {
    }

    static ObjectNode of(String model, ModelRequest request, Integer maxTokens, Double temperature) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("model", model);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        if (maxTokens != null) {
            body.put("max_tokens", maxTokens);
        }
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        ArrayNode messages = body.putArray("messages");
        if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
            messages.addObject().put("role", "system").put("content", request.systemPrompt());
        }
        for (Message message : request.messages()) {
            if (message.role() == Role.USER) {
                addUser(messages, message);
            } else {
                addAssistant(messages, message);
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec spec : request.tools()) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", spec.name()).put("description", spec.description());
                function.set("parameters", spec.inputSchema());
            }
        }
        return body;
    }

    /** Tool results become {@code tool} messages, which must directly follow the assistant's tool calls. */
    private static void addUser(ArrayNode messages, Message message) {
        for (ContentBlock.ToolResult result : message.toolResults()) {
            messages.addObject().put("role", "tool").put("tool_call_id", result.toolUseId()).put("content", result.text());
        }
        if (!message.text().isEmpty()) {
            messages.addObject().put("role", "user").put("content", message.text());
        }
    }

    private static void addAssistant(ArrayNode messages, Message message) {
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        if (message.text().isEmpty()) {
            assistant.putNull("content");
        } else {
            assistant.put("content", message.text());
        }
        if (message.hasToolUse()) {
            ArrayNode calls = assistant.putArray("tool_calls");
            for (ContentBlock.ToolUse use : message.toolUses()) {
                calls.addObject().put("id", use.toolUseId()).put("type", "function").putObject("function")
                        .put("name", use.name()).put("arguments", use.input().toString());
            }
        }
    }
}
