package dev.agentcore.local.data;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Python literal (dict, list, str, int, float, True, False, None) as JSON. moto 5.2.5 stores the inline role
 * policies CloudFormation creates as the repr of a Python dict ({@code {'Version': '2012-10-17', ...}}) and
 * GetRolePolicy returns that text instead of JSON; this turns it back into the document it was.
 */
final class PythonLiteral {

    private static final JsonNodeFactory NODES = JsonMapper.builder().build().getNodeFactory();

    private final String text;
    private int at;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** The JSON {@code literal} denotes; IllegalArgumentException naming the offset where it stops being one. */
    static JsonNode toJson(String literal) {
        PythonLiteral parser = new PythonLiteral(literal);
        JsonNode value = parser.value();
        parser.skipSpace();
        if (parser.at != literal.length()) {
            throw parser.error("unexpected text");
        }
        return value;
    }

    private JsonNode value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> dict();
            case '[', '(' -> list(c == '[' ? ']' : ')');
            case '\'', '"' -> NODES.stringNode(string());
            default -> word();
        };
    }

    private ObjectNode dict() {
        ObjectNode object = NODES.objectNode();
        at++;
        skipSpace();
        while (peek() != '}') {
            skipSpace();
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("a dict key that is not a string");
            }
            String key = string();
            skipSpace();
            expect(':');
            object.set(key, value());
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
            } else if (peek() != '}') {
                throw error("',' or '}' expected");
            }
        }
        at++;
        return object;
    }

    private ArrayNode list(char close) {
        ArrayNode array = NODES.arrayNode();
        at++;
        skipSpace();
        while (peek() != close) {
            array.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
                skipSpace();
            } else if (peek() != close) {
                throw error("',' or '" + close + "' expected");
            }
        }
        at++;
        return array;
    }

    private String string() {
        char quote = text.charAt(at++);
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(at++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x' -> { out.append((char) Integer.parseInt(text.substring(at, at + 2), 16)); at += 2; }
                case 'u' -> { out.append((char) Integer.parseInt(text.substring(at, at + 4), 16)); at += 4; }
                default -> out.append(e);
            }
        }
    }

    private JsonNode word() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "+-._".indexOf(text.charAt(at)) >= 0)) {
            at++;
        }
        String word = text.substring(start, at);
        return switch (word) {
            case "True" -> NODES.booleanNode(true);
            case "False" -> NODES.booleanNode(false);
            case "None" -> NODES.nullNode();
            default -> {
                try {
                    yield word.matches("-?\\d+") ? NODES.numberNode(Long.parseLong(word))
                            : NODES.numberNode(Double.parseDouble(word));
                } catch (NumberFormatException e) {
                    at = start;
                    throw error("not a Python literal");
                }
            }
        };
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        at++;
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not a Python literal at offset " + at + ": " + what);
    }
}
