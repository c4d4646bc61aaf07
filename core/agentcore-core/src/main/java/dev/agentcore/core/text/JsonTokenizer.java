package dev.agentcore.core.text;

/**
 * Strict JSON (RFC 8259) as tokens, each with the character offset where it starts. Anything else (comments, single
 * quotes, trailing commas, a second root value, control characters in strings, escapes of lone surrogates, numbers of
 * more than {@value #MAX_NUMBER} characters) is {@link Refused}. Made for short-lived processes that read small
 * documents: it needs no factory, no buffers and no class initialisation beyond its own, where Jackson's parsers
 * initialise BigDecimal and their symbol tables on first use (policy-lint reads the bundled catalog and JSON templates
 * with it, and leaves whatever it refuses to Jackson).
 */
public final class JsonTokenizer {

    public enum Token {
        START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, NAME, STRING, INTEGER, DECIMAL, TRUE, FALSE, NULL
    }

    /** The text is not strict JSON at {@link #offset()} (or this tokenizer does not take it there). */
    public static final class Refused extends RuntimeException {
        private final int offset;

        Refused(int offset) {
            super("not strict JSON at offset " + offset, null, false, false);
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    static final int MAX_NUMBER = 1000;
    private static final int MAX_DEPTH = 1000;

    private enum Expect {
        ROOT, VALUE, VALUE_OR_END, NAME, NAME_OR_END, COMMA_OR_END, DONE
    }

    private final String s;
    private final int n;
    private int pos;
    /** The open containers: true for an object. */
    private final boolean[] objects = new boolean[MAX_DEPTH];
    private int depth;
    private Expect expect = Expect.ROOT;
    private int offset;
    private String text;

    public JsonTokenizer(String text) {
        this.s = text;
        this.n = text.length();
    }

    /** Where the current token starts. */
    public int offset() {
        return offset;
    }

    /** The current string's value, name, or number as written; null for other tokens. */
    public String text() {
        return text;
    }

    /** The next token; null after the root value (and the whitespace after it). */
    public Token next() {
        while (true) {
            skipWhitespace();
            if (pos >= n) {
                if (expect == Expect.DONE) {
                    return null;
                }
                throw new Refused(pos);
            }
            char c = s.charAt(pos);
            offset = pos;
            text = null;
            switch (expect) {
                case DONE -> throw new Refused(pos);
                case NAME, NAME_OR_END -> {
                    if (c == '}' && expect == Expect.NAME_OR_END) {
                        return close();
                    }
                    if (c != '"') {
                        throw new Refused(pos);
                    }
                    text = string();
                    skipWhitespace();
                    if (pos >= n || s.charAt(pos) != ':') {
                        throw new Refused(pos);
                    }
                    pos++;
                    expect = Expect.VALUE;
                    return Token.NAME;
                }
                case COMMA_OR_END -> {
                    if (c == ',') {
                        pos++;
                        expect = objects[depth - 1] ? Expect.NAME : Expect.VALUE;
                        continue;
                    }
                    if (c == (objects[depth - 1] ? '}' : ']')) {
                        return close();
                    }
                    throw new Refused(pos);
                }
                default -> {
                    if (c == ']' && expect == Expect.VALUE_OR_END) {
                        return close();
                    }
                    return value(c);
                }
            }
        }
    }

    private Token value(char c) {
        Token token;
        switch (c) {
            case '{', '[' -> {
                if (depth == MAX_DEPTH) {
                    throw new Refused(pos);
                }
                objects[depth++] = c == '{';
                pos++;
                expect = c == '{' ? Expect.NAME_OR_END : Expect.VALUE_OR_END;
                return c == '{' ? Token.START_OBJECT : Token.START_ARRAY;
            }
            case '"' -> {
                text = string();
                token = Token.STRING;
            }
            case 't' -> token = literal("true", Token.TRUE);
            case 'f' -> token = literal("false", Token.FALSE);
            case 'n' -> token = literal("null", Token.NULL);
            default -> token = number();
        }
        expect = depth == 0 ? Expect.DONE : Expect.COMMA_OR_END;
        return token;
    }

    private Token close() {
        boolean object = objects[--depth];
        pos++;
        expect = depth == 0 ? Expect.DONE : Expect.COMMA_OR_END;
        return object ? Token.END_OBJECT : Token.END_ARRAY;
    }

    private void skipWhitespace() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private Token literal(String word, Token token) {
        if (!s.startsWith(word, pos)) {
            throw new Refused(pos);
        }
        pos += word.length();
        if (pos < n && Character.isLetterOrDigit(s.charAt(pos))) {
            throw new Refused(pos);
        }
        return token;
    }

    /** -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? */
    private Token number() {
        int start = pos;
        boolean decimal = false;
        if (pos < n && s.charAt(pos) == '-') {
            pos++;
        }
        if (pos < n && s.charAt(pos) == '0') {
            pos++;
        } else if (digits() == 0) {
            throw new Refused(start);
        }
        if (pos < n && s.charAt(pos) == '.') {
            pos++;
            decimal = true;
            if (digits() == 0) {
                throw new Refused(pos);
            }
        }
        if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            decimal = true;
            if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                pos++;
            }
            if (digits() == 0) {
                throw new Refused(pos);
            }
        }
        if (pos - start > MAX_NUMBER || pos < n && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
            throw new Refused(pos);
        }
        text = s.substring(start, pos);
        return decimal ? Token.DECIMAL : Token.INTEGER;
    }

    private int digits() {
        int start = pos;
        while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos - start;
    }

    /** At the opening quote; leaves {@code pos} after the closing one. */
    private String string() {
        int start = ++pos;
        int quote = s.indexOf('"', start);
        if (quote >= 0 && s.indexOf('\\', start, quote) < 0) {
            // No escape before the closing quote: the common case, one substring.
            checkControl(start, quote);
            pos = quote + 1;
            return s.substring(start, quote);
        }
        StringBuilder out = new StringBuilder();
        int i = start;
        while (true) {
            if (i >= n) {
                throw new Refused(i);
            }
            char c = s.charAt(i);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw new Refused(i);
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) {
                throw new Refused(i);
            }
            char e = s.charAt(i + 1);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = hex(i + 2);
                    if (code >= 0xD800 && code <= 0xDFFF) {
                        throw new Refused(i); // surrogates: pairs and lone halves are left to a full parser
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> throw new Refused(i);
            }
            i += 2;
        }
        pos = i + 1;
        return out.toString();
    }

    private int hex(int at) {
        if (at + 4 > n) {
            throw new Refused(at);
        }
        int code = 0;
        for (int i = at; i < at + 4; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0 || s.charAt(i) > 'f') {
                throw new Refused(i);
            }
            code = code * 16 + d;
        }
        return code;
    }

    private void checkControl(int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < 0x20) {
                throw new Refused(i);
            }
        }
    }
}
