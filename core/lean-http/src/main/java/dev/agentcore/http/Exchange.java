package dev.agentcore.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One request and its response. The handler reads the request, then answers once: a whole body
 * ({@link #respond}), a stream ({@link #stream}) or a protocol switch ({@link #upgrade}).
 */
public final class Exchange {

    /** The connection after {@code 101 Switching Protocols}: the application's until it closes it. */
    public record Upgraded(InputStream in, OutputStream out) {
    }

    private final String method;
    private final String target;
    private final String path;
    private final String query;
    private final Headers headers;
    private final boolean http11;
    private final InetSocketAddress remote;
    private final RequestBody body;
    private final long declaredLength; // -1 when chunked or absent
    private final HttpLimits limits;
    private final OutputStream out;
    private final SocketInput in;
    private final List<String[]> responseHeaders = new ArrayList<>();
    private boolean continueSent;
    private int status;
    private boolean closeAfter;
    private ChunkedOutput chunks;
    private boolean upgraded;

    Exchange(String method, String target, Headers headers, boolean http11, InetSocketAddress remote, SocketInput in,
            OutputStream out, HttpLimits limits, boolean chunked, long declaredLength, boolean closeRequested) {
        this.method = method;
        this.target = target;
        int question = target.indexOf('?');
        this.path = question >= 0 ? target.substring(0, question) : target;
        this.query = question >= 0 ? target.substring(question + 1) : null;
        this.headers = headers;
        this.http11 = http11;
        this.remote = remote;
        this.in = in;
        this.out = out;
        this.limits = limits;
        this.declaredLength = declaredLength;
        this.closeAfter = closeRequested;
        long timeout = limits.bodyTimeout().toNanos();
        this.body = chunked ? RequestBody.chunked(in, limits.maxBodyBytes(), timeout, this::sendContinue)
                : RequestBody.fixed(in, Math.max(0, declaredLength), limits.maxBodyBytes(), timeout, this::sendContinue);
    }

    public String method() {
        return method;
    }

    /** The request target as sent: path and query. */
    public String target() {
        return target;
    }

    /** The path, without the query, not percent-decoded. */
    public String path() {
        return path;
    }

    /** The query after {@code ?}, or {@code null}. */
    public String query() {
        return query;
    }

    public Headers headers() {
        return headers;
    }

    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /** The declared Content-Length, or -1 when the body is chunked or absent. */
    public long declaredLength() {
        return declaredLength;
    }

    public HttpLimits limits() {
        return limits;
    }

    /** The request body, bounded by the body limit and the body deadline (both fail with an {@link HttpProblem}). */
    public InputStream body() {
        return body;
    }

    /**
     * The whole body, at most {@code maxBytes} (never more than the server's limit): 413 as an {@link HttpProblem}
     * when over, checked against Content-Length before reading a byte.
     */
    public byte[] readBody(long maxBytes) throws IOException {
        long limit = Math.min(maxBytes, limits.maxBodyBytes());
        if (declaredLength > limit) {
            throw RequestBody.tooLarge(limit);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 1024);
        byte[] chunk = new byte[8192];
        long total = 0;
        for (int n; (n = body.read(chunk, 0, chunk.length)) >= 0; ) {
            total += n;
            if (total > limit) {
                throw RequestBody.tooLarge(limit);
            }
            bytes.write(chunk, 0, n);
        }
        return bytes.toByteArray();
    }

    public byte[] readBody() throws IOException {
        return readBody(limits.maxBodyBytes());
    }

    /** Adds a response header; before the response starts. */
    public Exchange header(String name, String value) {
        requireNotStarted();
        responseHeaders.add(new String[] {name, value});
        return this;
    }

    /** Closes the connection after this exchange. */
    public void closeAfter() {
        closeAfter = true;
    }

    /** A whole response; {@code contentType} may be null for none. A HEAD request gets the head only. */
    public void respond(int status, String contentType, byte[] bytes) throws IOException {
        requireNotStarted();
        this.status = status;
        boolean noBody = status < 200 || status == 204 || status == 304;
        StringBuilder head = head(status, contentType);
        if (!noBody) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!noBody && !method.equals("HEAD")) {
            out.write(bytes);
        }
        out.flush();
    }

    /**
     * Starts a streamed response (chunked on HTTP/1.1, closed-delimited on 1.0): every write is sent at once.
     * Closing the stream ends the response.
     */
    public OutputStream stream(int status, String contentType) throws IOException {
        requireNotStarted();
        this.status = status;
        StringBuilder head = head(status, contentType);
        if (http11) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else {
            closeAfter = true;
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        chunks = new ChunkedOutput(out, http11 && !method.equals("HEAD"), !method.equals("HEAD"));
        return chunks;
    }

    /**
     * Answers {@code 101 Switching Protocols} with the headers given (in pairs: name, value) and hands over the
     * connection: reads then wait as long as the peer takes, and the server closes it when the handler returns.
     */
    public Upgraded upgrade(String... headerPairs) throws IOException {
        requireNotStarted();
        this.status = 101;
        this.upgraded = true;
        this.closeAfter = true;
        StringBuilder head = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n");
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            head.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        in.noDeadline();
        return new Upgraded(in, out);
    }

    /** Whether a response has started (its status is on the wire). */
    public boolean responded() {
        return status != 0;
    }

    public int status() {
        return status;
    }

    boolean upgraded() {
        return upgraded;
    }

    boolean closeAfterwards() {
        return closeAfter;
    }

    RequestBody requestBody() {
        return body;
    }

    /** Ends a streamed response the handler left open. */
    void finish() throws IOException {
        if (chunks != null) {
            chunks.close();
        }
    }

    private void sendContinue() {
        if (!continueSent && !responded() && http11 && headers.hasToken("Expect", "100-continue")) {
            continueSent = true;
            try {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException ignored) {
                // The read that follows fails the same way.
            }
        }
    }

    private StringBuilder head(int status, String contentType) {
        StringBuilder head = new StringBuilder(128).append(http11 ? "HTTP/1.1 " : "HTTP/1.0 ").append(status)
                .append(' ').append(ReasonPhrases.of(status)).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (String[] header : responseHeaders) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (closeAfter) {
            head.append("Connection: close\r\n");
        }
        return head;
    }

    private void requireNotStarted() {
        if (responded()) {
            throw new IllegalStateException("the response has already started (status " + status + ")");
        }
    }

    /** Chunked transfer coding: each write is one chunk, flushed at once. */
    private static final class ChunkedOutput extends OutputStream {
        private final OutputStream out;
        private final boolean chunked;
        private final boolean withBody;
        private boolean closed;

        ChunkedOutput(OutputStream out, boolean chunked, boolean withBody) {
            this.out = out;
            this.chunked = chunked;
            this.withBody = withBody;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("the response stream is closed");
            }
            if (length == 0 || !withBody) {
                return;
            }
            if (chunked) {
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(bytes, offset, length);
                out.write('\r');
                out.write('\n');
            } else {
                out.write(bytes, offset, length);
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            }
        }
    }
}
