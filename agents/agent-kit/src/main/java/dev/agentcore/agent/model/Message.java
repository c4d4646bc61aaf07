package dev.agentcore.agent.model;

import java.util.List;
import java.util.Objects;

/** One turn of the conversation. Immutable. */
public record Message(Role role, List<ContentBlock> content) {

    public Message {
        Objects.requireNonNull(role, "role");
        content = List.copyOf(content);
    }

    public static Message user(String text) {
        return new Message(Role.USER, List.of(new ContentBlock.Text(text)));
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, List.of(new ContentBlock.Text(text)));
    }

    /** The text blocks joined, without tool blocks. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (ContentBlock block : content) {
            if (block instanceof ContentBlock.Text text) {
                out.append(text.text());
            }
        }
        return out.toString();
    }

    public List<ContentBlock.ToolUse> toolUses() {
        return content.stream()
                .filter(ContentBlock.ToolUse.class::isInstance)
                .map(ContentBlock.ToolUse.class::cast)
                .toList();
    }

    public List<ContentBlock.ToolResult> toolResults() {
        return content.stream()
                .filter(ContentBlock.ToolResult.class::isInstance)
                .map(ContentBlock.ToolResult.class::cast)
                .toList();
    }

    public boolean hasToolUse() {
        return content.stream().anyMatch(ContentBlock.ToolUse.class::isInstance);
    }

    public boolean hasToolResult() {
        return content.stream().anyMatch(ContentBlock.ToolResult.class::isInstance);
    }
}
