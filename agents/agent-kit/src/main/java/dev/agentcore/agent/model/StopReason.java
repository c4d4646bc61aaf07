package dev.agentcore.agent.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why the model stopped generating; the names are Bedrock Converse's stop reasons. */
public enum StopReason {
    END_TURN("end_turn"),
    TOOL_USE("tool_use"),
    MAX_TOKENS("max_tokens"),
    STOP_SEQUENCE("stop_sequence"),
    GUARDRAIL_INTERVENED("guardrail_intervened"),
    CONTENT_FILTERED("content_filtered"),
    MALFORMED_MODEL_OUTPUT("malformed_model_output"),
    MALFORMED_TOOL_USE("malformed_tool_use"),
    MODEL_CONTEXT_WINDOW_EXCEEDED("model_context_window_exceeded"),
    /** A reason this version does not know (a newer service value). */
    UNKNOWN("unknown");

    private final String wireName;

    StopReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The stop reason for a Bedrock wire name such as {@code end_turn}; {@link #UNKNOWN} when unrecognised. */
    public static StopReason fromWireName(String name) {
        for (StopReason reason : values()) {
            if (reason.wireName.equals(name)) {
                return reason;
            }
        }
        return UNKNOWN;
    }
}
