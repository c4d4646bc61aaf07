package dev.agentcore.core.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/event-stream} body one event at a time, as the WHATWG server-sent events format defines it:
 * an event is the {@code data:} lines up to a blank line, joined by newlines, with one space after the colon
 * dropped. Comments ({@code :}) and the {@code event:}, {@code id:} and {@code retry:} fields carry nothing the
 * callers here use (AgentCore streams and chat-completion streams send data only), so they are skipped.
 */
public final class EventStreamReader {

    private final BufferedReader reader;

    public EventStreamReader(Reader reader) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    }

    public static EventStreamReader utf8(InputStream body) {
        return new EventStreamReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    /** The data of the next event, or null at the end of the body. An unterminated last event still counts. */
    public String nextData() throws IOException {
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return data.toString();
                }
            } else if (line.startsWith("data:")) {
                String value = line.substring(line.startsWith("data: ") ? 6 : 5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        return data == null ? null : data.toString();
    }
}
