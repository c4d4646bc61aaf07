package dev.agentcore.client.invoke;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A successful response; read {@code body} as it arrives (it may be a stream of server-sent events). */
public record InvocationResponse(int status, String contentType, String sessionId, Map<String, List<String>> headers,
                                 InputStream body) implements Closeable {

    public boolean isEventStream() {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    public boolean isJson() {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
