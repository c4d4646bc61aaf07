package dev.agentcore.runtime.invocation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A whole JSON response: a status and a body already written the way the reference writes it. */
record JsonReply(int status, String body) {

    static final String CONTENT_TYPE = "application/json";

    void writeTo(HttpServletResponse res) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType(CONTENT_TYPE);
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
        // Sent now: for a refused body Tomcat next reads the rest, and when the rest is over its swallow limit
        // (2 MB) it closes the connection at once, dropping an answer still in the buffer.
        res.flushBuffer();
    }
}
