package dev.agentcore.agent.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who said a message: the user (prompts and tool results) or the assistant (the model). */
public enum Role {
    USER("user"),
    ASSISTANT("assistant");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire by Bedrock Converse and OpenAI chat completions. */
    @JsonValue
    public String wireName() {
        return wireName;
    }
}
