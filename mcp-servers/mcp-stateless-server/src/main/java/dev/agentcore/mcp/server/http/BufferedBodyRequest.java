package dev.agentcore.mcp.server.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request with its body already read (and checked) by {@link McpEndpointFilter}, readable once more, and its
 * Accept header, already checked by media type, in the form the SDK's transport looks for (it matches substrings,
 * case-sensitively, so {@code Application/JSON} would fail there).
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /** What the filter checked the Accept header for. */
    static final String ACCEPT = "application/json, text/event-stream";

    @Override
    public String getHeader(String name) {
        return "accept".equalsIgnoreCase(name) ? ACCEPT : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return "accept".equalsIgnoreCase(name) ? Collections.enumeration(List.of(ACCEPT)) : super.getHeaders(name);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body is already buffered");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        // JSON-RPC over HTTP is UTF-8 (RFC 8259).
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
