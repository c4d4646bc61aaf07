package dev.agentcore.agent.offline;

import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelRequest;
import dev.agentcore.agent.model.Role;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.ToolSpec;
import dev.agentcore.agent.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The offline model: no network, no intelligence, fully deterministic. It follows three fixed rules, and
 * every answer starts with {@value #LABEL} so nobody mistakes it for a real model:
 * <ol>
 *   <li>When the prompt names a registered tool (its exact name, as a word), it calls that tool once, with
 *       the arguments written in the prompt as {@code name=value} or {@code name: value} (quote values
 *       with spaces), converted to the types of the tool's schema. Arguments not in the prompt are left
 *       out, so the tool may answer with an error.</li>
 *   <li>When the last message holds tool results, it answers "Tool {name} returned: {result}".</li>
 *   <li>Otherwise it answers "You said: {prompt}".</li>
 * </ol>
 * Text is streamed word by word, optionally with a pause between words so a demo visibly streams.
 * Usage counts words, not tokens.
 */
public final class OfflineEchoModel implements Model {

    public static final String LABEL = "[offline model]";

    private final Duration wordPause;
    private final AtomicInteger toolCalls = new AtomicInteger();

    public OfflineEchoModel() {
        this(Duration.ZERO);
    }

    /** @param wordPause the pause before each streamed word after the first */
    public OfflineEchoModel(Duration wordPause) {
        if (wordPause.isNegative()) {
            throw new IllegalArgumentException("wordPause must not be negative");
        }
        this.wordPause = wordPause;
    }

    @Override
    public Stream<ModelEvent> stream(ModelRequest request) {
        List<ModelEvent> events = new ArrayList<>();
        String answer;
        Message last = request.messages().isEmpty() ? null : request.messages().getLast();
        ContentBlock.ToolUse call = null;
        if (last != null && last.role() == Role.USER && last.hasToolResult() && last.text().isEmpty()) {
            answer = LABEL + " " + describeResults(request.messages(), last);
        } else {
            String prompt = request.lastUserText();
            call = toolCallNamedIn(prompt, request.tools());
            answer = call == null ? LABEL + " You said: " + prompt
                    : LABEL + " Calling " + call.name() + " with " + call.input() + ".";
        }
        Words.chunks(answer).forEach(chunk -> events.add(new ModelEvent.TextDelta(chunk)));
        if (call != null) {
            events.add(new ModelEvent.ToolUseStart(call.toolUseId(), call.name()));
            events.add(new ModelEvent.ToolUseDelta(call.toolUseId(), call.input().toString()));
            events.add(new ModelEvent.ToolUseStop(call.toolUseId()));
        }
        events.add(new ModelEvent.MessageStop(call == null ? StopReason.END_TURN : StopReason.TOOL_USE));
        int input = Words.count(request);
        int output = Words.count(answer);
        events.add(new ModelEvent.UsageReport(new Usage(input, output, input + output)));
        return paced(events);
    }

    @Override
    public String description() {
        return "OfflineEchoModel (offline: echoes the prompt and calls tools named in it; not a language model)";
    }

    private ContentBlock.ToolUse toolCallNamedIn(String prompt, List<ToolSpec> tools) {
        for (ToolSpec tool : tools) {
            if (Pattern.compile("(?<![\\w-])" + Pattern.quote(tool.name()) + "(?![\\w-])").matcher(prompt).find()) {
                String id = "offline_tooluse_" + toolCalls.incrementAndGet();
                return new ContentBlock.ToolUse(id, tool.name(), argumentsIn(prompt, tool.inputSchema()));
            }
        }
        return null;
    }

    private static ObjectNode argumentsIn(String prompt, ObjectNode schema) {
        ObjectNode arguments = JsonMapper.shared().createObjectNode();
        JsonNode properties = schema.path("properties");
        for (String name : properties.propertyNames()) {
            Matcher matcher = Pattern.compile("(?<![\\w-])" + Pattern.quote(name) + "\\s*[=:]\\s*(?:\"([^\"]*)\"|([^\\s,;]+))")
                    .matcher(prompt);
            if (matcher.find()) {
                // a quoted value is taken as written; a bare one ends before sentence punctuation
                String raw = matcher.group(1) != null ? matcher.group(1) : matcher.group(2).replaceAll("[.?!:)]+$", "");
                arguments.set(name, typed(raw, properties.path(name).path("type").asString("")));
            }
        }
        return arguments;
    }

    /** The value as the schema's type asks; as a string when it does not parse, so the tool can say why. */
    private static JsonNode typed(String raw, String type) {
        JsonMapper json = JsonMapper.shared();
        try {
            return switch (type) {
                case "integer" -> json.getNodeFactory().numberNode(Long.parseLong(raw));
                case "number" -> json.getNodeFactory().numberNode(new java.math.BigDecimal(raw));
                case "boolean" -> json.getNodeFactory().booleanNode(Boolean.parseBoolean(raw.toLowerCase(Locale.ROOT)));
                case "array", "object" -> json.readTree(raw);
                default -> json.getNodeFactory().stringNode(raw);
            };
        } catch (NumberFormatException | JacksonException e) {
            return json.getNodeFactory().stringNode(raw);
        }
    }

    private static String describeResults(List<Message> messages, Message results) {
        StringBuilder out = new StringBuilder();
        for (ContentBlock.ToolResult result : results.toolResults()) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append("Tool ").append(toolName(messages, result.toolUseId()))
                    .append(result.status() == ContentBlock.ToolResult.Status.ERROR ? " failed: " : " returned: ")
                    .append(result.text());
        }
        return out.toString();
    }

    private static String toolName(List<Message> messages, String toolUseId) {
        for (Message message : messages) {
            for (ContentBlock.ToolUse use : message.toolUses()) {
                if (use.toolUseId().equals(toolUseId)) {
                    return use.name();
                }
            }
        }
        return toolUseId;
    }

    private Stream<ModelEvent> paced(List<ModelEvent> events) {
        if (wordPause.isZero()) {
            return events.stream();
        }
        AtomicInteger index = new AtomicInteger();
        return events.stream().peek(event -> {
            if (event instanceof ModelEvent.TextDelta && index.getAndIncrement() > 0) {
                try {
                    Thread.sleep(wordPause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Cancelled while streaming");
                }
            }
        });
    }
}
