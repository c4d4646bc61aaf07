package dev.agentcore.client.output;

import dev.agentcore.client.http.StreamIdleException;
import dev.agentcore.client.invoke.InvocationResponse;
import dev.agentcore.core.sse.EventStreamException;
import dev.agentcore.core.sse.EventStreamReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints a response as it arrives. Server-sent events are decoded: a JSON string event (a streamed token) prints
 * as text, any other JSON event as one compact line. A JSON body is pretty-printed when it fits the buffer, else
 * printed as it arrives. Raw mode copies the bytes (and still watches an event stream for the agent's error event).
 * Nothing is held beyond {@link ResponseLimits}; a body that cannot be read to its end throws
 * {@link BrokenStreamException}.
 */
public final class ResponsePrinter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    private final PrintStream out;
    private final boolean raw;
    private final ResponseLimits limits;

    public ResponsePrinter(PrintStream out, boolean raw) {
        this(out, raw, ResponseLimits.defaults());
    }

    public ResponsePrinter(PrintStream out, boolean raw, ResponseLimits limits) {
        this.out = out;
        this.raw = raw;
        this.limits = limits;
    }

    /** What a stream said about itself: how many events, and the error an agent reported mid-stream (or null). */
    public record Outcome(int events, String agentError) {

        /** A body that was not a stream of events, so nothing in it could report an agent error. */
        static Outcome notAStream() {
            return new Outcome(0, null);
        }
    }

    /** Counts what is read, so a broken stream can say how far it got, and stops at the body limit. */
    private static final class CountingBody extends FilterInputStream {
        private final long max;
        private long count;
        int events;

        CountingBody(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            if (count >= max) {
                return probe();
            }
            int b = in.read();
            if (b != -1) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (count >= max) {
                return probe();
            }
            int n = in.read(b, off, (int) Math.min(len, max - count));
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /** At the limit: the end of the body, or one byte too many. */
        private int probe() throws IOException {
            if (in.read() == -1) {
                return -1;
            }
            count++;
            throw new BrokenStreamException(BrokenStream.Problem.TOO_LARGE,
                    String.format(Locale.ROOT, "more than %,d bytes", max), events, count, null);
        }
    }

    public Outcome print(InvocationResponse response) throws IOException {
        try (InputStream body = response.body()) {
            CountingBody counted = new CountingBody(body, limits.maxBodyBytes());
            try {
                return print(response, counted);
            } catch (BrokenStreamException e) {
                throw e;
            } catch (EventStreamException e) {
                throw new BrokenStreamException(e.problem() == EventStreamException.Problem.TOO_LONG
                        ? BrokenStream.Problem.EVENT_TOO_LONG : BrokenStream.Problem.NOT_AN_EVENT_STREAM,
                        e.getMessage(), counted.events, counted.count, e);
            } catch (StreamIdleException e) {
                throw new BrokenStreamException(BrokenStream.Problem.STALLED, e.getMessage(), counted.events,
                        counted.count, e);
            } catch (IOException e) {
                // Every other failure to read a body that had begun: a closed connection, broken chunked framing.
                throw new BrokenStreamException(BrokenStream.Problem.TRUNCATED,
                        String.valueOf(e.getMessage()), counted.events, counted.count, e);
            } finally {
                out.flush();
            }
        }
    }

    private Outcome print(InvocationResponse response, CountingBody body) throws IOException {
        if (raw) {
            return response.isEventStream() ? rawEvents(body) : copied(body);
        }
        if (response.isEventStream()) {
            return events(body);
        }
        if (response.isJson()) {
            byte[] start = body.readNBytes(limits.maxPrettyJson() + 1);
            if (start.length <= limits.maxPrettyJson()) {
                printJson(new String(start, StandardCharsets.UTF_8));
                return Outcome.notAStream();
            }
            out.write(start); // too large to pretty-print: printed as it comes
            return copied(body);
        }
        return copied(body);
    }

    private Outcome copied(InputStream body) throws IOException {
        copy(body);
        return Outcome.notAStream();
    }

    private void copy(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = body.read(buffer)) != -1) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    /**
     * The bytes as they come, while a lenient reader watches them for the agent's error event, which must still fail
     * the call. An event too long to watch ends the watching, not the copy.
     */
    private Outcome rawEvents(CountingBody body) throws IOException {
        InputStream tee = new FilterInputStream(body) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    out.write(b, off, n);
                    out.flush();
                }
                return n;
            }
        };
        EventStreamReader reader = EventStreamReader.lenient(tee, limits.maxEventChars());
        String agentError = null;
        try {
            for (String data = reader.nextData(); data != null; data = reader.nextData()) {
                body.events++;
                agentError = agentError == null ? agentError(parse(data)) : agentError;
            }
        } catch (EventStreamException tooLongToWatch) {
            copy(body);
        }
        return new Outcome(body.events, agentError);
    }

    private void printJson(String text) {
        try {
            out.println(JSON.writeValueAsString(JSON.readTree(text)));
        } catch (RuntimeException notJson) {
            out.println(text);
        }
        out.flush();
    }

    private Outcome events(CountingBody body) throws IOException {
        EventStreamReader reader = EventStreamReader.strict(body, limits.maxEventChars());
        String agentError = null;
        boolean midLine = false;
        try {
            for (String data = reader.nextData(); data != null; data = reader.nextData()) {
                body.events++;
                EventResult result = event(data, midLine);
                midLine = result.midLine();
                agentError = agentError == null ? result.agentError() : agentError;
            }
        } finally {
            if (midLine) {
                out.println();
            }
        }
        return new Outcome(body.events, agentError);
    }

    private record EventResult(boolean midLine, String agentError) {

        /** An event that reported no error. */
        static EventResult clean(boolean midLine) {
            return new EventResult(midLine, null);
        }
    }

    private static JsonNode parse(String data) {
        try {
            return COMPACT.readTree(data);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private EventResult event(String data, boolean midLine) {
        JsonNode node = parse(data);
        if (node != null && node.isString()) {
            out.print(node.asString());
            out.flush();
            return EventResult.clean(!node.asString().endsWith("\n"));
        }
        if (midLine) {
            out.println();
        }
        out.println(node == null ? data : COMPACT.writeValueAsString(node));
        out.flush();
        return new EventResult(false, node == null ? null : agentError(node));
    }

    /** The Python SDK ends a failed stream with {"error": ..., "error_type": ..., "message": ...}. */
    private static String agentError(JsonNode node) {
        if (node != null && node.isObject() && node.hasNonNull("error") && (node.has("error_type") || node.has("message"))) {
            return node.get("error").isString() ? node.get("error").asString() : node.get("error").toString();
        }
        return null;
    }
}
