package dev.agentcore.mcp.server.tools;

/**
 * Caps text that quotes a request (validation errors, refused values) before it goes into an answer or a log line:
 * a request under the body limit can otherwise make either tens of megabytes long.
 */
public final class BoundedText {

    /** The longest error text a client gets or a log line carries, in characters. */
    public static final int MAX_ERROR_CHARS = 1000;

    private BoundedText() {
    }

    /** The text itself when it fits, else its first {@code max} characters and how many were left out. */
    public static String of(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "... (" + (text.length() - end) + " more characters)";
    }

    /** {@link #of(String, int)} with {@link #MAX_ERROR_CHARS}. */
    public static String of(String text) {
        return of(text, MAX_ERROR_CHARS);
    }
}
