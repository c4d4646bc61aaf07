package dev.agentcore.core.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code text/event-stream} body one event at a time, as the WHATWG server-sent events format defines it:
 * an event is the {@code data:} lines up to a blank line, joined by newlines, with one space after the colon
 * dropped. Comments ({@code :}) and the {@code event:}, {@code id:} and {@code retry:} fields carry nothing the
 * callers here use (AgentCore streams and chat-completion streams send data only), so they are skipped.
 *
 * <p>What it holds in memory is bounded: a line, and the data of one event, may be at most {@code maxEventChars}
 * characters; a longer one ends the read with {@link EventStreamException.Problem#TOO_LONG} instead of buffering a
 * stream that never sends a newline until the heap runs out. A {@link #strict} reader also refuses a line that is no
 * SSE field at all (an HTML page or a JSON document labelled text/event-stream), which the format itself would
 * silently skip.
 */
public final class EventStreamReader {

    /** 8 Mi characters: far above any streamed token or tool result, far below what exhausts a default heap. */
    public static final int DEFAULT_MAX_EVENT_CHARS = 8 * 1024 * 1024;

    private static final Set<String> FIELDS = Set.of("data", "event", "id", "retry");
    private static final int EXCERPT = 60;

    private final BufferedReader reader;
    private final int maxEventChars;
    private final boolean strict;
    private long lineNumber;
    private boolean pendingCarriageReturn;

    private EventStreamReader(Reader reader, int maxEventChars, boolean strict) {
        if (maxEventChars < 1) {
            throw new IllegalArgumentException("maxEventChars must be positive, got " + maxEventChars);
        }
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        this.maxEventChars = maxEventChars;
        this.strict = strict;
    }

    /** Lenient, as the format says (unknown fields are skipped), with the default bound. */
    public EventStreamReader(Reader reader) {
        this(reader, DEFAULT_MAX_EVENT_CHARS, false);
    }

    public static EventStreamReader utf8(InputStream body) {
        return new EventStreamReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** Refuses lines that are no SSE field; a line or an event longer than {@code maxEventChars} ends the read. */
    public static EventStreamReader strict(InputStream body, int maxEventChars) {
        return new EventStreamReader(new InputStreamReader(body, StandardCharsets.UTF_8), maxEventChars, true);
    }

    /** Skips lines that are no SSE field, as the format says; a line or an event longer than the bound ends the read. */
    public static EventStreamReader lenient(InputStream body, int maxEventChars) {
        return new EventStreamReader(new InputStreamReader(body, StandardCharsets.UTF_8), maxEventChars, false);
    }

    public int maxEventChars() {
        return maxEventChars;
    }

    /**
     * The data of the next event, or null at the end of the body. An unterminated last event still counts.
     *
     * @throws EventStreamException a line or an event longer than the bound, or (strict) a line that is no SSE field
     */
    public String nextData() throws IOException {
        StringBuilder data = null;
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
            } else if (line.startsWith("data:")) {
                String value = line.substring(line.startsWith("data: ") ? 6 : 5);
                if (data != null && data.length() + 1 + value.length() > maxEventChars) {
                    throw new EventStreamException(EventStreamException.Problem.TOO_LONG, lineNumber,
                            "the data of one event passed " + maxEventChars + " characters");
                }
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (strict && !line.startsWith(":") && !FIELDS.contains(fieldName(line))) {
                throw new EventStreamException(EventStreamException.Problem.NOT_AN_EVENT_STREAM, lineNumber,
                        "'" + excerpt(line) + "' is not an SSE field (data:, event:, id:, retry: or a : comment)");
            }
        }
        return data == null ? null : data.toString();
    }

    private static String fieldName(String line) {
        int colon = line.indexOf(':');
        return (colon < 0 ? line : line.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static String excerpt(String line) {
        String printable = line.codePoints().limit(EXCERPT)
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return line.length() > EXCERPT ? printable + "…" : printable;
    }

    /** A line ended by CRLF, LF or CR (the format allows all three), never longer than the bound. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) != -1) {
            if (pendingCarriageReturn) {
                pendingCarriageReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                pendingCarriageReturn = c == '\r';
                lineNumber++;
                return line.toString();
            }
            if (line.length() == maxEventChars) {
                throw new EventStreamException(EventStreamException.Problem.TOO_LONG, lineNumber + 1,
                        "a line passed " + maxEventChars + " characters without a line break");
            }
            line.append((char) c);
        }
        if (line.isEmpty()) {
            return null;
        }
        lineNumber++;
        return line.toString();
    }
}
