package dev.agentcore.policylint.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.core.JsonToken;

/**
 * Tokens of the YAML that templates are written in, read without snakeyaml-engine: block mappings and sequences,
 * single-line plain and quoted scalars, literal and folded block scalars, flow collections on one line, short-form
 * tags ({@code !Sub}), comments. Reading a template through snakeyaml-engine and Jackson is most of what a lint of a
 * corpus costs (its scanner works on code points through a window, and a short-lived JVM runs it interpreted), and this
 * subset covers nearly every template.
 *
 * <p>Anything outside the subset (anchors and aliases, scalars over several lines but block scalars, flow collections
 * over several lines, explicit keys, directives, a second document, tabs, escapes other than the common ones,
 * characters YAML treats specially) makes {@link #scan} decline with null; so does anything that is not valid YAML.
 * TreeReader then reads the file with snakeyaml-engine, which also words every syntax error. Where it accepts, it gives
 * the tokens Jackson's YAML parser gives, at the same offsets (BlockYamlTest compares the two).
 */
final class BlockYaml implements TreeReader.Tokens {

    /** JSON-schema resolution of plain scalars, as snakeyaml-engine's JsonScalarResolver (the one Jackson uses). */
    private static final Pattern BOOL = Pattern.compile("^(?:true|false)$");
    private static final Pattern INT = Pattern.compile("^-?(0|[1-9][0-9]*)$");
    private static final Pattern FLOAT =
            Pattern.compile("^(-?(0|[1-9][0-9]*)(\\.[0-9]*)?([eE][-+]?[0-9]+)?)|(-?\\.inf)|(\\.nan)$");
    private static final String FLOW_INDICATORS = ",[]{}";
    /** snakeyaml-engine's limit on an implicit key's length. */
    private static final int MAX_KEY = 1024;

    /** Outside the subset: thrown from anywhere in the scan, caught once in {@link #scan}. */
    private static final class Decline extends RuntimeException {
        Decline() {
            super(null, null, false, false);
        }
    }

    private static final Decline DECLINE = new Decline();

    private final String s;
    private final int n;
    private int pos;

    private JsonToken[] kinds = new JsonToken[256];
    private int[] offsets = new int[256];
    private String[] texts = new String[256];
    private String[] tags = new String[256];
    private int count;
    private int current = -1;

    private BlockYaml(String text) {
        this.s = text;
        this.n = text.length();
    }

    /** The document's tokens, or null when the text is outside the subset (or no valid YAML). */
    static BlockYaml scan(String text) {
        if (!plainCharacters(text)) {
            return null;
        }
        BlockYaml y = new BlockYaml(text);
        try {
            y.document();
        } catch (Decline | IndexOutOfBoundsException | NumberFormatException e) {
            return null; // past the end of the text, or a unicode escape without four hex digits: no valid YAML here either
        }
        return y;
    }

    // ---- Tokens

    @Override
    public JsonToken next() {
        return ++current < count ? kinds[current] : null;
    }

    @Override
    public int offset() {
        return offsets[current];
    }

    @Override
    public String text() {
        return texts[current];
    }

    @Override
    public String tag() {
        return tags[current];
    }

    // ---- scanning

    /** Printable characters and line feeds only: no tab, carriage return, control, surrogate or line separator. */
    private static boolean plainCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\n' : c >= 0x7F && (c < 0xA0 || c >= 0xD800 && c <= 0xDFFF || c == 0x2028 || c == 0x2029
                    || c >= 0xFEFF)) {
                return false;
            }
        }
        return true;
    }

    private void emit(JsonToken kind, int offset, String text, String tag) {
        if (count == kinds.length) {
            int size = count * 2;
            kinds = Arrays.copyOf(kinds, size);
            offsets = Arrays.copyOf(offsets, size);
            texts = Arrays.copyOf(texts, size);
            tags = Arrays.copyOf(tags, size);
        }
        kinds[count] = kind;
        offsets[count] = offset;
        texts[count] = text;
        tags[count] = tag;
        count++;
    }

    private void document() {
        pos = contentStart(0);
        if (pos + 3 <= n && s.startsWith("---", pos) && column(pos) == 0) {
            pos += 3;
            lineEnd();
            pos = contentStart(pos);
        }
        if (pos >= n || s.charAt(pos) == '%' || s.startsWith("---", pos) || s.startsWith("...", pos)) {
            throw DECLINE;
        }
        if (sequenceEntry(pos)) {
            blockSequence(column(pos), false, -1, null);
        } else {
            blockMapping(column(pos), -1, null);
        }
        if (contentStart(pos) < n) {
            throw DECLINE; // a second document, or what does not belong to the first
        }
    }

    /** From a line start: the first character of the next line that holds more than spaces and a comment, or n. */
    private int contentStart(int from) {
        int p = from;
        while (p < n) {
            int q = p;
            while (q < n && s.charAt(q) == ' ') {
                q++;
            }
            if (q < n && s.charAt(q) != '\n' && s.charAt(q) != '#') {
                return q;
            }
            int nl = s.indexOf('\n', q);
            if (nl < 0) {
                return n;
            }
            p = nl + 1;
        }
        return n;
    }

    /** From a line start: the first character of the next line that holds more than spaces (comments count), or n. */
    private int nonBlankStart(int from) {
        int p = from;
        while (p < n) {
            int q = p;
            while (q < n && s.charAt(q) == ' ') {
                q++;
            }
            if (q < n && s.charAt(q) != '\n') {
                return q;
            }
            p = q + 1;
        }
        return n;
    }

    private int column(int p) {
        return p - (s.lastIndexOf('\n', p - 1) + 1);
    }

    private boolean sequenceEntry(int p) {
        return p < n && s.charAt(p) == '-' && (p + 1 == n || s.charAt(p + 1) == ' ' || s.charAt(p + 1) == '\n');
    }

    private void skipSpaces() {
        while (pos < n && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** The rest of a line after a value: spaces, a comment after a space, the line feed (consumed). */
    private void lineEnd() {
        skipSpaces();
        if (pos < n && s.charAt(pos) == '#') {
            if (s.charAt(pos - 1) != ' ') {
                throw DECLINE;
            }
            int nl = s.indexOf('\n', pos);
            pos = nl < 0 ? n : nl;
        }
        if (pos < n) {
            if (s.charAt(pos) != '\n') {
                throw DECLINE;
            }
            pos++;
        }
    }

    /** At a block mapping's first key (column {@code indent}); ends at the start of the line after it, or n. */
    private void blockMapping(int indent, int tagStart, String tag) {
        emit(JsonToken.START_OBJECT, tagStart >= 0 ? tagStart : pos, null, tag);
        while (true) {
            key();
            value(indent, true);
            int next = nextEntry(indent);
            if (next < 0) {
                break;
            }
            if (sequenceEntry(next)) {
                throw DECLINE;
            }
            pos = next;
        }
        emit(JsonToken.END_OBJECT, pos, null, null);
    }

    /** At a block sequence's first '-' (column {@code indent}); ends at the start of the line after it, or n. */
    private void blockSequence(int indent, boolean indentless, int tagStart, String tag) {
        emit(JsonToken.START_ARRAY, tagStart >= 0 ? tagStart : pos, null, tag);
        while (true) {
            pos++; // the '-'
            value(indent, false);
            int next = nextEntry(indent);
            if (next < 0) {
                break;
            }
            if (!sequenceEntry(next)) {
                if (indentless) {
                    break;
                }
                throw DECLINE;
            }
            pos = next;
        }
        emit(JsonToken.END_ARRAY, pos, null, null);
    }

    /**
     * After an entry of a collection at column {@code indent}: where the next entry starts, or -1 when the collection
     * ends there (a line less indented, or the end); a line more indented is outside the subset.
     */
    private int nextEntry(int indent) {
        int next = contentStart(pos);
        if (next >= n || column(next) < indent) {
            return -1;
        }
        if (column(next) > indent) {
            throw DECLINE;
        }
        return next;
    }

    /** A block mapping's key and its ':'. */
    private void key() {
        int start = pos;
        String name;
        char c = s.charAt(pos);
        if (c == '"' || c == '\'') {
            name = quoted();
            skipSpaces();
        } else {
            if (!plainStart(pos, false)) {
                throw DECLINE;
            }
            int end = plainEnd(pos, false);
            name = s.substring(pos, end);
            pos = end;
            skipSpaces();
        }
        if (pos >= n || s.charAt(pos) != ':' || pos - start >= MAX_KEY) {
            throw DECLINE;
        }
        pos++;
        if (pos < n && s.charAt(pos) != ' ' && s.charAt(pos) != '\n') {
            throw DECLINE;
        }
        emit(JsonToken.PROPERTY_NAME, start, name, null);
    }

    /**
     * The value after a mapping's ':' or a sequence's '-' (at {@code pos}), of a collection at column {@code indent};
     * ends at the start of the line after it, or n.
     */
    private void value(int indent, boolean inMapping) {
        int indicatorEnd = pos;
        skipSpaces();
        int tagStart = -1;
        String tag = null;
        if (pos < n && s.charAt(pos) == '!') {
            tagStart = pos;
            tag = scanTag();
            skipSpaces();
        }
        if (pos >= n || s.charAt(pos) == '\n' || s.charAt(pos) == '#') {
            if (pos < n && s.charAt(pos) == '#' && s.charAt(pos - 1) != ' ') {
                throw DECLINE;
            }
            lineEnd();
            int next = contentStart(pos);
            int c = next < n ? column(next) : -1;
            if (c > indent) {
                pos = next;
                if (sequenceEntry(pos)) {
                    blockSequence(c, false, tagStart, tag);
                } else {
                    blockMapping(c, tagStart, tag);
                }
            } else if (inMapping && c == indent && tag == null && sequenceEntry(next)) {
                pos = next;
                blockSequence(c, true, -1, null);
            } else if (tag == null) {
                emit(JsonToken.VALUE_STRING, indicatorEnd, "", null); // an empty value: "" where its indicator ends
            } else {
                throw DECLINE;
            }
            return;
        }
        int start = tagStart >= 0 ? tagStart : pos;
        char c = s.charAt(pos);
        if (!inMapping && tag == null && sequenceEntry(pos)) {
            blockSequence(column(pos), false, -1, null); // "- - a": a sequence inside the sequence entry
            return;
        }
        switch (c) {
            case '|', '>' -> blockScalar(indent, start, tag);
            case '"', '\'' -> {
                emit(JsonToken.VALUE_STRING, start, quoted(), tag);
                lineEnd();
            }
            case '[', '{' -> {
                flow(start, tag);
                lineEnd();
            }
            default -> {
                if (!plainStart(pos, false)) {
                    throw DECLINE;
                }
                int from = pos;
                int end = plainEnd(pos, false);
                pos = end;
                skipSpaces();
                if (pos < n && s.charAt(pos) == ':') {
                    if (inMapping || tag != null) {
                        throw DECLINE;
                    }
                    pos = from; // "- Key: value": a mapping inside the sequence entry
                    blockMapping(column(from), -1, null);
                    return;
                }
                plain(start, s.substring(from, end), tag);
                lineEnd();
                // A line more indented than the collection continues a plain scalar: outside the subset.
                int next = nonBlankStart(pos);
                if (next < n && column(next) > indent && s.charAt(next) != '#') {
                    throw DECLINE;
                }
            }
        }
    }

    /** A tag {@code !Name} (short form of an intrinsic function); returns Name. */
    private String scanTag() {
        int start = ++pos;
        while (pos < n && (Character.isLetterOrDigit(s.charAt(pos)) && s.charAt(pos) < 0x80)) {
            pos++;
        }
        if (pos == start || !Character.isLetter(s.charAt(start)) || pos < n && s.charAt(pos) != ' ' && s.charAt(pos) != '\n') {
            throw DECLINE;
        }
        return s.substring(start, pos);
    }

    private void plain(int offset, String value, String tag) {
        JsonToken kind = JsonToken.VALUE_STRING;
        if (tag == null) {
            char c = value.charAt(0);
            if ((c == 't' || c == 'f') && BOOL.matcher(value).matches()) {
                kind = value.equals("true") ? JsonToken.VALUE_TRUE : JsonToken.VALUE_FALSE;
            } else if ((c == '-' || c >= '0' && c <= '9') && INT.matcher(value).matches()) {
                kind = JsonToken.VALUE_NUMBER_INT;
            } else if ((c == '-' || c == '.' || c >= '0' && c <= '9') && FLOAT.matcher(value).matches()) {
                kind = JsonToken.VALUE_NUMBER_FLOAT;
            } else if (value.equals("null")) {
                kind = JsonToken.VALUE_NULL;
            }
        }
        emit(kind, offset, value, tag);
    }

    /** True when a plain scalar can start at {@code p}. */
    private boolean plainStart(int p, boolean flow) {
        char c = s.charAt(p);
        if (c == '-' || c == '?' || c == ':') {
            char next = p + 1 < n ? s.charAt(p + 1) : '\n';
            return next != ' ' && next != '\n' && !(flow && FLOW_INDICATORS.indexOf(next) >= 0);
        }
        return c != ' ' && c != '\n' && ",[]{}#&*!|>'\"%@`".indexOf(c) < 0;
    }

    /** Where a one-line plain scalar starting at {@code p} ends, trailing spaces left out. */
    private int plainEnd(int p, boolean flow) {
        int end = p;
        for (int i = p; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                break;
            }
            if (c == ':') {
                char next = i + 1 < n ? s.charAt(i + 1) : '\n';
                if (next == ' ' || next == '\n' || flow && FLOW_INDICATORS.indexOf(next) >= 0) {
                    break;
                }
            } else if (c == '#' && s.charAt(i - 1) == ' ') {
                break;
            } else if (flow && FLOW_INDICATORS.indexOf(c) >= 0) {
                break;
            }
            if (c != ' ') {
                end = i + 1;
            }
        }
        return end;
    }

    /** A single- or double-quoted scalar on one line; leaves {@code pos} after the closing quote. */
    private String quoted() {
        char q = s.charAt(pos);
        StringBuilder out = new StringBuilder();
        int i = pos + 1;
        while (true) {
            char c = s.charAt(i);
            if (c == '\n') {
                throw DECLINE;
            }
            if (c == q) {
                if (q == '\'' && i + 1 < n && s.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                break;
            }
            if (q == '"' && c == '\\') {
                char e = s.charAt(i + 1);
                switch (e) {
                    case '\\', '"', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        int code = Integer.parseInt(s, i + 2, i + 6, 16);
                        if (code >= 0xD800 && code <= 0xDFFF || s.charAt(i + 2) == '+' || s.charAt(i + 2) == '-') {
                            throw DECLINE;
                        }
                        out.append((char) code);
                        i += 4;
                    }
                    default -> throw DECLINE;
                }
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        pos = i + 1;
        return out.toString();
    }

    /** A flow sequence or mapping that closes on its own line; leaves {@code pos} after it. */
    private void flow(int start, String tag) {
        char open = s.charAt(pos);
        char close = open == '[' ? ']' : '}';
        emit(open == '[' ? JsonToken.START_ARRAY : JsonToken.START_OBJECT, start, null, tag);
        pos++;
        skipSpaces();
        if (s.charAt(pos) == close) {
            pos++;
            emit(open == '[' ? JsonToken.END_ARRAY : JsonToken.END_OBJECT, pos - 1, null, null);
            return;
        }
        while (true) {
            if (open == '{') {
                flowKey();
            }
            flowValue(open == '[');
            skipSpaces();
            char c = s.charAt(pos);
            if (c == ',') {
                pos++;
                skipSpaces();
                if (s.charAt(pos) == close) {
                    throw DECLINE;
                }
                continue;
            }
            if (c != close) {
                throw DECLINE;
            }
            pos++;
            break;
        }
        emit(open == '[' ? JsonToken.END_ARRAY : JsonToken.END_OBJECT, pos - 1, null, null);
    }

    private void flowKey() {
        int start = pos;
        String name;
        char c = s.charAt(pos);
        if (c == '"' || c == '\'') {
            name = quoted();
        } else {
            if (!plainStart(pos, true)) {
                throw DECLINE;
            }
            int end = plainEnd(pos, true);
            name = s.substring(pos, end);
            pos = end;
        }
        skipSpaces();
        if (s.charAt(pos) != ':' || s.charAt(pos + 1) != ' ') {
            throw DECLINE;
        }
        pos += 2;
        skipSpaces();
        emit(JsonToken.PROPERTY_NAME, start, name, null);
    }

    private void flowValue(boolean inSequence) {
        int tagStart = -1;
        String tag = null;
        if (s.charAt(pos) == '!') {
            tagStart = pos;
            tag = scanTag();
            skipSpaces();
        }
        int start = tagStart >= 0 ? tagStart : pos;
        char c = s.charAt(pos);
        if (c == '[' || c == '{') {
            flow(start, tag);
        } else if (c == '"' || c == '\'') {
            emit(JsonToken.VALUE_STRING, start, quoted(), tag);
        } else {
            if (!plainStart(pos, true)) {
                throw DECLINE;
            }
            int end = plainEnd(pos, true);
            plain(start, s.substring(pos, end), tag);
            pos = end;
        }
        skipSpaces();
        if (inSequence && s.charAt(pos) == ':') {
            throw DECLINE; // a one-pair mapping inside a flow sequence
        }
    }

    /** A literal ({@code |}) or folded ({@code >}) block scalar, clipped or stripped ({@code -}). */
    private void blockScalar(int indent, int start, String tag) {
        char style = s.charAt(pos++);
        boolean strip = false;
        if (pos < n && s.charAt(pos) == '-') {
            strip = true;
            pos++;
        } else if (pos < n && (s.charAt(pos) == '+' || Character.isDigit(s.charAt(pos)))) {
            throw DECLINE;
        }
        if (pos < n && s.charAt(pos) != ' ' && s.charAt(pos) != '\n') {
            throw DECLINE;
        }
        lineEnd();
        if (pos >= n) {
            throw DECLINE;
        }
        // The indentation is the first non-blank line's; blank lines before it must not be longer.
        int first = nonBlankStart(pos);
        int contentIndent = first < n ? column(first) : -1;
        if (contentIndent <= indent || contentIndent <= 0) {
            throw DECLINE;
        }
        List<String> lines = new ArrayList<>();
        int p = pos;
        while (p < n) {
            int nl = s.indexOf('\n', p);
            if (nl < 0) {
                throw DECLINE; // the last line has no line feed: leave the chomping of that to snakeyaml
            }
            int q = p;
            while (q < nl && s.charAt(q) == ' ') {
                q++;
            }
            if (q == nl) {
                if (q - p > contentIndent) {
                    // Spaces past the indentation are content of a literal scalar (a line of spaces), between
                    // lines of text; before the first line, after the last or when folded: outside the subset.
                    if (style == '>' || lines.stream().allMatch(String::isEmpty)) {
                        throw DECLINE;
                    }
                    lines.add(s.substring(p + contentIndent, nl));
                } else {
                    lines.add("");
                }
            } else {
                if (q - p < contentIndent) {
                    break;
                }
                if (style == '>' && q - p > contentIndent) {
                    throw DECLINE; // a more-indented line of a folded scalar keeps its breaks
                }
                lines.add(s.substring(p + contentIndent, nl));
            }
            p = nl + 1;
        }
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isEmpty()) {
            last--;
        }
        if (lines.get(last - 1).isBlank()) {
            throw DECLINE;
        }
        StringBuilder value = new StringBuilder();
        int empties = 0;
        for (int i = 0; i < last; i++) {
            String line = lines.get(i);
            if (style == '|') {
                if (i > 0) {
                    value.append('\n');
                }
                value.append(line);
            } else if (line.isEmpty()) {
                empties++;
            } else {
                if (value.length() > 0 || empties > 0) {
                    value.append(empties == 0 && value.length() > 0 ? " " : "\n".repeat(empties));
                }
                empties = 0;
                value.append(line);
            }
        }
        if (!strip && last > 0) {
            value.append('\n');
        }
        emit(JsonToken.VALUE_STRING, start, value.toString(), tag);
        pos = p;
    }
}
