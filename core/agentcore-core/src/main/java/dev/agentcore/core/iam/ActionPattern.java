package dev.agentcore.core.iam;

/** An {@code Action} element value such as {@code bedrock-agentcore:GetWorkloadAccessToken*}; IAM compares actions ignoring case. */
public record ActionPattern(String text) {

    public static ActionPattern of(String text) {
        return new ActionPattern(text);
    }

    public boolean matches(String action) {
        return new Glob(text).matchesIgnoreCase(action);
    }

    /** The service prefix ({@code bedrock-agentcore}), or empty for {@code *}. */
    public String service() {
        int colon = text.indexOf(':');
        return colon < 0 ? "" : text.substring(0, colon);
    }

    /** The part after the colon, or the whole text when there is none. */
    public String name() {
        int colon = text.indexOf(':');
        return colon < 0 ? text : text.substring(colon + 1);
    }
}
