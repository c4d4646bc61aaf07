package dev.agentcore.mcp.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

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
 * {@code MCP-Protocol-Version} (400). Anything the
 * transport itself refuses with {@code sendError} also leaves as JSON, never as a servlet container error page.
 */
final class McpEndpointFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(McpEndpointFilter.class);

    private final String endpoint;
    private final int maxRequestBytes;
    private final List<String> protocolVersions;
    private final McpJsonMapper json;
    private final JsonRpcErrors errors;

    McpEndpointFilter(String endpoint, int maxRequestBytes, List<String> protocolVersions, McpJsonMapper json) {
        this.endpoint = endpoint;
        this.maxRequestBytes = maxRequestBytes;
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
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("application/json") || !accept.contains("text/event-stream")) {
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
            body = readAtMost(request.getInputStream(), maxRequestBytes);
        }
        catch (BodyTooLargeException e) {
            refuseTooLarge(response);
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

    private void refuse(HttpServletResponse response, int status, Object id, int code, String message)
            throws IOException {
        errors.write(response, status, id, code, message);
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] chunk = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            total += n;
            if (total > limit) {
                throw new BodyTooLargeException();
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super(null, null);
        }
    }
}
