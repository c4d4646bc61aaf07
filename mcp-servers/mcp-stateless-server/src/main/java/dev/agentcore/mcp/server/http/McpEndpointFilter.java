package dev.agentcore.mcp.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.modelcontextprotocol.json.McpJsonMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stands in front of the SDK's stateless transport and answers everything that is not one well-formed JSON-RPC
 * message POSTed to the endpoint, with the status the streamable HTTP transport specifies and a JSON-RPC error
 * body: wrong path (404), GET/DELETE on a stateless server (405), an Accept header without both JSON and SSE (406),
 * oversized body (413), malformed JSON (-32700), batches and other invalid messages (-32600), an unsupported
 * {@code MCP-Protocol-Version} (400), a body that takes longer than the body timeout to arrive (408). Anything the
 * transport itself refuses with {@code sendError} also leaves as JSON, never as a servlet container error page.
 */
final class McpEndpointFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(McpEndpointFilter.class);

    private final String endpoint;
    private final int maxRequestBytes;
    private final Duration bodyTimeout;
    private final List<String> protocolVersions;
    private final McpJsonMapper json;
    private final JsonRpcErrors errors;

    McpEndpointFilter(String endpoint, int maxRequestBytes, Duration bodyTimeout, List<String> protocolVersions,
            McpJsonMapper json) {
        this.endpoint = endpoint;
        this.maxRequestBytes = maxRequestBytes;
        this.bodyTimeout = bodyTimeout;
        this.protocolVersions = List.copyOf(protocolVersions);
        this.json = json;
        this.errors = new JsonRpcErrors(json);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!endpoint.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            refuse(response, HttpServletResponse.SC_NOT_FOUND, null, JsonRpcErrors.SERVER_ERROR,
                    "Not Found: the MCP endpoint is POST " + endpoint);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            // A stateless server opens no SSE stream (GET) and has no session to end (DELETE).
            response.setHeader("Allow", "POST");
            refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, null, JsonRpcErrors.SERVER_ERROR,
                    "Method Not Allowed: this stateless MCP server accepts POST only");
            return;
        }
        if (!accepts(request.getHeader("Accept"), "application/json")
                || !accepts(request.getHeader("Accept"), "text/event-stream")) {
            // The transport specification makes clients accept both, whichever the server answers with.
            refuse(response, HttpServletResponse.SC_NOT_ACCEPTABLE, null, JsonRpcErrors.SERVER_ERROR,
                    "Not Acceptable: the client must accept both application/json and text/event-stream");
            return;
        }
        String protocolVersion = request.getHeader("MCP-Protocol-Version");
        if (protocolVersion != null && !protocolVersions.contains(protocolVersion)) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, null, JsonRpcErrors.INVALID_REQUEST,
                    "Bad Request: unsupported MCP-Protocol-Version " + protocolVersion + "; supported: "
                            + String.join(", ", protocolVersions));
            return;
        }
        if (request.getContentLengthLong() > maxRequestBytes) {
            refuseTooLarge(response);
            return;
        }
        byte[] body;
        try {
            body = readAtMost(request.getInputStream(), maxRequestBytes, System.nanoTime() + bodyTimeout.toNanos());
        }
        catch (BodyTooLargeException e) {
            refuseTooLarge(response);
            return;
        }
        catch (BodyTooSlowException e) {
            refuseTooSlow(response);
            return;
        }
        catch (SocketTimeoutException e) {
            refuseTooSlow(response);
            return;
        }
        catch (IOException e) {
            // The client went away while sending; there is nobody to answer.
            log.debug("Request body not read: {}", e.toString());
            return;
        }
        JsonRpcEnvelope.Refusal refusal = JsonRpcEnvelope.check(json, body);
        if (refusal != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, refusal.id(), refusal.code(), refusal.message());
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), new JsonErrorResponse(response, errors));
    }

    private void refuseTooLarge(HttpServletResponse response) throws IOException {
        // The unread rest of the body makes the connection unusable for another request.
        response.setHeader("Connection", "close");
        refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, null, JsonRpcErrors.SERVER_ERROR,
                "Content Too Large: the request body exceeds " + maxRequestBytes + " bytes");
    }

    private void refuseTooSlow(HttpServletResponse response) throws IOException {
        // The rest may never come: answer, and close the connection so that it holds nothing more.
        response.setHeader("Connection", "close");
        refuse(response, HttpServletResponse.SC_REQUEST_TIMEOUT, null, JsonRpcErrors.SERVER_ERROR,
                "Request Timeout: the request body did not arrive within " + describe(bodyTimeout)
                        + " (mcp.server.request-body-timeout)");
    }

    private void refuse(HttpServletResponse response, int status, Object id, int code, String message)
            throws IOException {
        errors.write(response, status, id, code, message);
    }

    /**
     * Whether an Accept header lists the media type itself (any parameters, any case). Matched by media type, not as
     * a substring: {@code application/jsonx} is not JSON.
     */
    static boolean accepts(String accept, String mediaType) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            int parameters = range.indexOf(';');
            String type = (parameters < 0 ? range : range.substring(0, parameters)).trim();
            if (type.toLowerCase(Locale.ROOT).equals(mediaType)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads the body up to {@code limit} bytes and until {@code deadline}. The deadline is checked after each read; a
     * read that gets nothing waits at most the connector's read timeout ({@code server.tomcat.connection-timeout}).
     * On virtual threads the wait ties no platform thread.
     */
    private static byte[] readAtMost(InputStream in, int limit, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] chunk = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new BodyTooLargeException();
            }
            out.write(chunk, 0, n);
            if (System.nanoTime() - deadline > 0) {
                throw new BodyTooSlowException();
            }
        }
        return out.toByteArray();
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super(null, null);
        }
    }

    private static final class BodyTooSlowException extends IOException {
        BodyTooSlowException() {
            super(null, null);
        }
    }
}
