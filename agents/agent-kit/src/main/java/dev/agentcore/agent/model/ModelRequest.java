package dev.agentcore.agent.model;

import java.util.List;

/**
 * One call to a model: the system prompt (may be null), the conversation so far (starts with a user
 * message) and the tools the model may ask for.
 */
public record ModelRequest(String systemPrompt, List<Message> messages, List<ToolSpec> tools) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }

    /** The text of the most recent user message, or "" when there is none. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message message = messages.get(i);
            if (message.role() == Role.USER && !message.text().isEmpty()) {
                return message.text();
            }
        }
        return "";
    }
}
