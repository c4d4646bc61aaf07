package dev.agentcore.agent.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the assistant message from a model's event stream: consecutive text deltas become one text
 * block, tool input fragments are joined and parsed when the tool use stops. Not thread-safe.
 */
public final class MessageAssembler {

    private final List<Object> blocks = new ArrayList<>(); // ContentBlock or PendingToolUse, in order
    private final Map<String, PendingToolUse> openToolUses = new LinkedHashMap<>();
    private StringBuilder text;
    private StopReason stopReason;
    private Usage usage = Usage.ZERO;

    public void accept(ModelEvent event) {
        switch (event) {
            case ModelEvent.TextDelta delta -> {
                if (text == null) {
                    text = new StringBuilder();
                    blocks.add(text);
                }
                text.append(delta.text());
            }
            case ModelEvent.ToolUseStart start -> {
                text = null;
                PendingToolUse pending = new PendingToolUse(start.toolUseId(), start.name());
                openToolUses.put(start.toolUseId(), pending);
                blocks.add(pending);
            }
            case ModelEvent.ToolUseDelta delta -> openToolUse(delta.toolUseId()).input.append(delta.inputFragment());
            case ModelEvent.ToolUseStop stop -> openToolUses.remove(openToolUse(stop.toolUseId()).id);
            case ModelEvent.MessageStop stop -> stopReason = stop.stopReason();
            case ModelEvent.UsageReport report -> usage = report.usage();
        }
    }

    /**
     * The complete message.
     *
     * @param modelDescription names the model in errors
     * @throws ModelException when the stream ended without a stop reason or a tool input is not a JSON object
     */
    public Message message(String modelDescription) {
        if (stopReason == null) {
            throw ModelException.builder()
                    .message("The response stream of " + modelDescription
                            + " ended before the model said why it stopped (connection closed early?)")
                    .modelId(modelDescription)
                    .build();
        }
        List<ContentBlock> content = new ArrayList<>();
        for (Object block : blocks) {
            if (block instanceof StringBuilder textBlock) {
                if (!textBlock.toString().isBlank()) { // Bedrock rejects a blank text block sent back to it
                    content.add(new ContentBlock.Text(textBlock.toString()));
                }
            } else {
                content.add(((PendingToolUse) block).toBlock(modelDescription));
            }
        }
        return new Message(Role.ASSISTANT, content);
    }

    /** The stop reason, or null before the stream said it. */
    public StopReason stopReason() {
        return stopReason;
    }

    public Usage usage() {
        return usage;
    }

    private PendingToolUse openToolUse(String toolUseId) {
        PendingToolUse pending = openToolUses.get(toolUseId);
        if (pending == null) {
            throw ModelException.builder()
                    .message("The model streamed input for tool use '" + toolUseId + "' that was never started")
                    .build();
        }
        return pending;
    }

    private static final class PendingToolUse {
        private final String id;
        private final String name;
        private final StringBuilder input = new StringBuilder();

        PendingToolUse(String id, String name) {
            this.id = id;
            this.name = name;
        }

        ContentBlock.ToolUse toBlock(String modelDescription) {
            String json = input.toString().strip();
            if (json.isEmpty()) {
                return new ContentBlock.ToolUse(id, name, JsonMapper.shared().createObjectNode());
            }
            try {
                JsonNode parsed = JsonMapper.shared().readTree(json);
                if (parsed.isObject()) {
                    return new ContentBlock.ToolUse(id, name, parsed);
                }
            } catch (JacksonException e) {
                // reported below
            }
            throw ModelException.builder()
                    .message("The model " + modelDescription + " asked for tool '" + name
                            + "' with an input that is not a JSON object: " + abbreviate(json))
                    .modelId(modelDescription)
                    .build();
        }

        private static String abbreviate(String text) {
            return text.length() <= 200 ? text : text.substring(0, 200) + "...";
        }
    }
}
