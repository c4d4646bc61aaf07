package dev.agentcore.runtime.invocation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a streaming result as server-sent events the way the reference does: {@code data: <json>\n\n}
 * per element, flushed at once, no {@code event:} or {@code id:} lines, and one error event when the
 * producer fails.
 */
final class EventStreamWriter {

    private static final Logger log = LoggerFactory.getLogger(EventStreamWriter.class);

    // Starlette appends the charset to text/* media types; AgentCore clients see exactly this.
    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";

    private final WireJson json;
    private final InvocationErrors errors;

    EventStreamWriter(WireJson json, InvocationErrors errors) {
        this.json = json;
        this.errors = errors;
    }

    void write(HttpServletResponse res, EventSource events) {
        res.setStatus(200);
        res.setContentType(CONTENT_TYPE);
        try (events) {
            OutputStream out = res.getOutputStream();
            res.flushBuffer();
            while (true) {
                Object element;
                try {
                    if (!events.hasNext()) {
                        break;
                    }
                    element = events.next();
                } catch (Throwable e) {
                    // Throwable: a Publisher can fail with a checked exception (Reactor's timeout() does).
                    log.error("Error in streaming", e);
                    writeEvent(out, json.result(errors.streamingErrorEvent(e)));
                    break;
                }
                writeEvent(out, json.result(element));
            }
        } catch (IOException e) {
            // The client went away; closing the source (try-with-resources) cancels the producer.
            log.info("Client disconnected mid-stream; cancelled the handler's stream ({})", e.getMessage());
        }
    }

    private static void writeEvent(OutputStream out, String jsonText) throws IOException {
        out.write(("data: " + jsonText + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
