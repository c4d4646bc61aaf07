package dev.agentcore.agent.model;

/**
 * What a model streams while it answers. A provider emits text and tool-use events in the order the
 * model produced them, then one {@link MessageStop}, and at most one {@link UsageReport}.
 */
public sealed interface ModelEvent {

    record TextDelta(String text) implements ModelEvent {}

    /** A tool request begins; its input follows as {@link ToolUseDelta} fragments of JSON text. */
    record ToolUseStart(String toolUseId, String name) implements ModelEvent {}

    record ToolUseDelta(String toolUseId, String inputFragment) implements ModelEvent {}

    record ToolUseStop(String toolUseId) implements ModelEvent {}

    record MessageStop(StopReason stopReason) implements ModelEvent {}

    record UsageReport(Usage usage) implements ModelEvent {}
}
