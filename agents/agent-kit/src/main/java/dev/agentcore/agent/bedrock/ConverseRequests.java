package dev.agentcore.agent.bedrock;

import dev.agentcore.agent.model.ModelRequest;
import dev.agentcore.agent.model.ToolResultContent;
import dev.agentcore.agent.model.ToolSpec;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/** Our conversation in the shape of a Bedrock ConverseStream request. */
final class ConverseRequests {

    private ConverseRequests() {
    }

    /**
     * @param includeToolResultStatus send {@code toolResult.status}; as Strands does, only for Anthropic
     *     models, since some other models reject the field
     */
    static ConverseStreamRequest of(String modelId, ModelRequest request, InferenceConfiguration inference,
                                    boolean includeToolResultStatus) {
        ConverseStreamRequest.Builder builder = ConverseStreamRequest.builder()
                .modelId(modelId)
                .messages(request.messages().stream().map(m -> message(m, includeToolResultStatus)).toList());
        if (request.systemPrompt() != null && !request.systemPrompt().isBlank()) {
            builder.system(SystemContentBlock.fromText(request.systemPrompt()));
        }
        if (inference != null) {
            builder.inferenceConfig(inference);
        }
        if (!request.tools().isEmpty()) {
            builder.toolConfig(ToolConfiguration.builder()
                    .tools(request.tools().stream().map(ConverseRequests::tool).toList())
                    .build());
        }
        return builder.build();
    }

    private static Message message(dev.agentcore.agent.model.Message message, boolean includeStatus) {
        return Message.builder()
                .role(ConversationRole.fromValue(message.role().wireName()))
                .content(message.content().stream().map(block -> content(block, includeStatus)).toList())
                .build();
    }

    private static ContentBlock content(dev.agentcore.agent.model.ContentBlock block, boolean includeStatus) {
        return switch (block) {
            case dev.agentcore.agent.model.ContentBlock.Text text -> ContentBlock.fromText(text.text());
            case dev.agentcore.agent.model.ContentBlock.ToolUse use -> ContentBlock.fromToolUse(ToolUseBlock.builder()
                    .toolUseId(use.toolUseId())
                    .name(use.name())
                    .input(Documents.toDocument(use.input()))
                    .build());
            case dev.agentcore.agent.model.ContentBlock.ToolResult result -> {
                ToolResultBlock.Builder toolResult = ToolResultBlock.builder()
                        .toolUseId(result.toolUseId())
                        .content(result.content().stream().map(ConverseRequests::resultContent).toList());
                if (includeStatus) {
                    toolResult.status(ToolResultStatus.fromValue(result.status().wireName()));
                }
                yield ContentBlock.fromToolResult(toolResult.build());
            }
        };
    }

    /** JSON objects go as {@code json}; other JSON values as text, which every model accepts. */
    private static ToolResultContentBlock resultContent(ToolResultContent content) {
        if (content instanceof ToolResultContent.Json json && json.json().isObject()) {
            return ToolResultContentBlock.fromJson(Documents.toDocument(json.json()));
        }
        return ToolResultContentBlock.fromText(content.asText());
    }

    private static Tool tool(ToolSpec spec) {
        return Tool.fromToolSpec(ToolSpecification.builder()
                .name(spec.name())
                .description(spec.description())
                .inputSchema(ToolInputSchema.fromJson(Documents.toDocument(spec.inputSchema())))
                .build());
    }
}
