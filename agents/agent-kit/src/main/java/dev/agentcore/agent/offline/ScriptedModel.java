package dev.agentcore.agent.offline;

import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.ModelRequest;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An offline model that plays back a fixed script, one {@link Turn} per model call, whatever it is asked:
 * for tests, and for demos that must run the tool loop without a real model. Text is streamed word by
 * word. It records every request so tests can check what the agent sent. Usage counts words, not tokens.
 * A call after the last turn fails with a {@link ModelException}.
 */
public final class ScriptedModel implements Model {

    private final List<Turn> turns;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<ModelRequest> requests = new CopyOnWriteArrayList<>();

    private ScriptedModel(List<Turn> turns) {
        this.turns = List.copyOf(turns);
    }

    public static ScriptedModel of(Turn... turns) {
        return new ScriptedModel(List.of(turns));
    }

    public static ScriptedModel of(List<Turn> turns) {
        return new ScriptedModel(turns);
    }

    @Override
    public Stream<ModelEvent> stream(ModelRequest request) {
        requests.add(request);
        int call = calls.incrementAndGet();
        if (call > turns.size()) {
            return Stream.generate(() -> {
                throw ModelException.builder()
                        .message("ScriptedModel has no turn left: its script has " + turns.size()
                                + " turns and this is model call " + call)
                        .modelId(description())
                        .build();
            });
        }
        Turn turn = turns.get(call - 1);
        if (turn.failure() != null) {
            return Stream.generate(() -> {
                throw turn.failure();
            });
        }
        return events(turn, call, request).stream();
    }

    /** Every request received, in order. */
    public List<ModelRequest> requests() {
        return List.copyOf(requests);
    }

    public int remainingTurns() {
        return Math.max(0, turns.size() - calls.get());
    }

    @Override
    public String description() {
        return "ScriptedModel (offline, a script of " + turns.size() + " turns)";
    }

    private static List<ModelEvent> events(Turn turn, int call, ModelRequest request) {
        List<ModelEvent> events = new ArrayList<>();
        int outputWords = 0;
        int index = 0;
        for (ContentBlock block : turn.content()) {
            index++;
            switch (block) {
                case ContentBlock.Text text -> {
                    Words.chunks(text.text()).forEach(chunk -> events.add(new ModelEvent.TextDelta(chunk)));
                    outputWords += Words.count(text.text());
                }
                case ContentBlock.ToolUse use -> {
                    String id = use.toolUseId().isEmpty() ? "tooluse_" + call + "_" + index : use.toolUseId();
                    events.add(new ModelEvent.ToolUseStart(id, use.name()));
                    events.add(new ModelEvent.ToolUseDelta(id, use.input().toString()));
                    events.add(new ModelEvent.ToolUseStop(id));
                    outputWords += Words.count(use.input().toString());
                }
                case ContentBlock.ToolResult result ->
                        throw new IllegalStateException("A model turn cannot contain a tool result: " + result);
            }
        }
        events.add(new ModelEvent.MessageStop(turn.stopReason()));
        Usage usage = turn.usage() != null ? turn.usage()
                : new Usage(Words.count(request), outputWords, Words.count(request) + outputWords);
        events.add(new ModelEvent.UsageReport(usage));
        return events;
    }

    /**
     * One scripted model answer: content blocks, the stop reason, and the usage to report (word counts
     * when null); or a failure to throw instead.
     */
    public record Turn(List<ContentBlock> content, StopReason stopReason, Usage usage, ModelException failure) {

        public Turn {
            content = List.copyOf(content);
            Objects.requireNonNull(stopReason, "stopReason");
        }

        /** A plain answer that ends the turn. */
        public static Turn text(String text) {
            return of(new ContentBlock.Text(text));
        }

        /** A request for one tool; {@code inputJson} is the tool input as a JSON object. */
        public static Turn toolUse(String toolName, String inputJson) {
            return of(toolUseBlock(toolName, inputJson));
        }

        /** Blocks in order; the stop reason is {@code tool_use} when any block is a tool use. */
        public static Turn of(ContentBlock... blocks) {
            boolean usesTools = false;
            for (ContentBlock block : blocks) {
                usesTools |= block instanceof ContentBlock.ToolUse;
            }
            return new Turn(List.of(blocks), usesTools ? StopReason.TOOL_USE : StopReason.END_TURN, null, null);
        }

        /** A tool-use block for {@link #of}; the id is assigned when the turn is played. */
        public static ContentBlock.ToolUse toolUseBlock(String toolName, String inputJson) {
            JsonNode input;
            try {
                input = JsonMapper.shared().readTree(inputJson);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("Scripted tool input is not JSON: " + inputJson, e);
            }
            return new ContentBlock.ToolUse("", toolName, input);
        }

        /** A model call that fails with {@code failure}. */
        public static Turn fails(ModelException failure) {
            return new Turn(List.of(), StopReason.END_TURN, null, Objects.requireNonNull(failure));
        }

        public Turn withStopReason(StopReason reason) {
            return new Turn(content, reason, usage, failure);
        }

        public Turn withUsage(Usage reported) {
            return new Turn(content, stopReason, reported, failure);
        }
    }
}
