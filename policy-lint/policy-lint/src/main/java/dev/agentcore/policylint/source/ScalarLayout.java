package dev.agentcore.policylint.source;

/**
 * Maps an index in a scalar's decoded value back to the file: walks the raw text and the value side by side,
 * skipping a tag or anchor, the opening quote, escapes ({@code \"}, {@code \u0041}, {@code ''}) and folded line breaks.
 */
final class ScalarLayout {

    private ScalarLayout() {
    }

    static int rawOffset(String raw, int start, String value, int index) {
        int r = skipProperties(raw, start);
        if (r >= raw.length()) {
            return Math.min(start, raw.length());
        }
        char style = raw.charAt(r);
        if (style == '"' || style == '\'') {
            r++;
        } else if (style == '|' || style == '>') {
            while (r < raw.length() && raw.charAt(r) != '\n') {
                r++;
            }
            r = skipBlank(raw, r);
        }
        int target = Math.min(index, value.length());
        for (int i = 0; i < target && r < raw.length(); i++) {
            r = skipEscapedLineBreaks(raw, r, style);
            if (r >= raw.length()) {
                break;
            }
            char d = value.charAt(i);
            char c = raw.charAt(r);
            if (style == '"' && c == '\\' && r + 1 < raw.length()) {
                r += escapeLength(raw, r);
            } else if (style == '\'' && c == '\'' && r + 1 < raw.length() && raw.charAt(r + 1) == '\'') {
                r += 2;
            } else if (c == d) {
                r++;
            } else if (Character.isWhitespace(c)) {
                // A folded line break or indentation: the value holds one space or newline for a run of them.
                r = skipBlank(raw, r);
                if (!Character.isWhitespace(d) && r < raw.length() && raw.charAt(r) == d) {
                    r++;
                }
            } else {
                r++;
            }
        }
        r = skipEscapedLineBreaks(raw, r, style);
        if (r < raw.length() && Character.isWhitespace(raw.charAt(r)) && index < value.length()
                && !Character.isWhitespace(value.charAt(index))) {
            r = skipBlank(raw, r);
        }
        return Math.min(r, raw.length());
    }

    /** An escaped line break in double quotes, with the next line's indentation, stands for no character at all. */
    private static int skipEscapedLineBreaks(String raw, int r, char style) {
        while (style == '"' && r + 1 < raw.length() && raw.charAt(r) == '\\'
                && (raw.charAt(r + 1) == '\n' || raw.charAt(r + 1) == '\r')) {
            r += escapeLength(raw, r);
        }
        return r;
    }

    private static int skipProperties(String raw, int r) {
        while (r < raw.length() && (raw.charAt(r) == '!' || raw.charAt(r) == '&')) {
            while (r < raw.length() && !Character.isWhitespace(raw.charAt(r))) {
                r++;
            }
            r = skipBlank(raw, r);
        }
        return r;
    }

    private static int skipBlank(String raw, int r) {
        while (r < raw.length() && Character.isWhitespace(raw.charAt(r))) {
            r++;
        }
        return r;
    }

    private static int escapeLength(String raw, int r) {
        char e = raw.charAt(r + 1);
        return switch (e) {
            case 'x' -> 4;
            case 'u' -> 6;
            case 'U' -> 10;
            case '\n', '\r' -> skipBlank(raw, r + 1) - r;
            default -> 2;
        };
    }
}
