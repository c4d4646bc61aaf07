package dev.agentcore.mcp.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP to an MCP endpoint, for what no MCP client sends on purpose: malformed JSON, batches, other methods,
 * other paths, oversized bodies, and clients that hang up half way.
 */
public final class RawMcpHttp {

    /** The Accept header the streamable HTTP transport requires of clients. */
    public static final String ACCEPT = "application/json, text/event-stream";

    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    public RawMcpHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** An HTTP response with its body parsed as JSON when it is JSON (else {@code json} is null). */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body, JsonNode json) {
    }

    /** POSTs a body as a well-behaved client would (JSON content type, both Accept types). */
    public Reply post(String body) {
        return send(request(endpoint).header("Content-Type", "application/json").header("Accept", ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body(), parse(response));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri);
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Sends the request line, headers and {@code sentBytes} of a body announced as {@code declaredLength} bytes, then
     * closes the connection without waiting for an answer.
     */
    public void postAndHangUp(String body, int declaredLength, int sentBytes) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + endpoint.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Accept: " + ACCEPT + "\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, Math.min(sentBytes, bytes.length));
            out.flush();
            socket.setSoLinger(true, 0); // reset, as a crashed or killed client would
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * POSTs a JSON-RPC body with extra raw headers, over a plain socket: for headers such as {@code Host} that
     * {@link HttpClient} does not let a caller set. Returns the status code and the body.
     */
    public RawReply postWithHeaders(String body, String... headerLines) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // HTTP/1.0: the server closes the connection after the answer and never chunks the body.
        StringBuilder head = new StringBuilder("POST " + endpoint.getRawPath() + " HTTP/1.0\r\n");
        boolean hostGiven = false;
        for (String line : headerLines) {
            head.append(line).append("\r\n");
            hostGiven |= line.regionMatches(true, 0, "Host:", 0, 5);
        }
        if (!hostGiven) {
            head.append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n");
        }
        head.append("Content-Type: application/json\r\nAccept: ").append(ACCEPT).append("\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new RawReply(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A status code and body read off a plain socket. */
    public record RawReply(int status, String body) {
    }

    private JsonNode parse(HttpResponse<String> response) {
        boolean isJson = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return isJson && !response.body().isEmpty() ? json.readTree(response.body()) : null;
    }
}
