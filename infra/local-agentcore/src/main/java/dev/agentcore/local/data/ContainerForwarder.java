package dev.agentcore.local.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.http.Response;

/**
 * Sends an invocation to the container as the service contract says ({@code POST /invocations} for HTTP,
 * {@code POST /mcp} for MCP) and streams its answer back as it arrives: SSE events and JSON pass through chunk by
 * chunk, never buffered whole. A container status of 400 or more becomes AgentCore's 424 (its body is dropped, as
 * AgentCore drops it).
 */
final class ContainerForwarder {

    /** Response headers of the container the caller sees (the model's InvokeAgentRuntimeResponse headers). */
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Mcp-Session-Id",
            "Mcp-Protocol-Version", "X-Amzn-Trace-Id", "traceparent", "tracestate", "baggage");

    /** HTTP/2 is not the contract; HTTP/1.1 keeps chunked SSE as the container writes it. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The exchange for one invocation (headers already chosen by the data plane) and the answer to write back. The
     * host is released once the answer has been written, or at once when there is none.
     */
    Response forward(SessionHost host, ServerProtocol protocol, Map<String, String> headers, byte[] payload,
                     SessionId session) throws IOException {
        boolean streaming = false;
        try {
            Response answer = call(host.address(), protocol, headers, payload, session);
            if (answer instanceof Streaming) {
                streaming = true;
                return exchange -> {
                    try (host) {
                        answer.send(exchange);
                    }
                };
            }
            return answer;
        } finally {
            if (!streaming) {
                host.close();
            }
        }
    }

    /** A streamed answer, still reading from the container. */
    private interface Streaming extends Response {
    }

    private Response call(ContainerAddress address, ServerProtocol protocol, Map<String, String> headers,
                          byte[] payload, SessionId session) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address.invocationUri(protocol))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        headers.forEach(request::header);
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the container", e);
        }
        if (answer.statusCode() >= 400) {
            try (InputStream dropped = answer.body()) {
                dropped.transferTo(OutputStream.nullOutputStream());
            }
            return Response.error(InvocationErrors.containerError(answer.statusCode()));
        }
        return (Streaming) exchange -> stream(answer, session, exchange);
    }

    private static void stream(HttpResponse<InputStream> answer, SessionId session, HttpExchange exchange)
            throws IOException {
        var out = exchange.getResponseHeaders();
        for (String name : RESPONSE_HEADERS) {
            first(answer, name).ifPresent(value -> out.set(name, value));
        }
        if (!out.containsKey("Content-Type")) {
            out.set("Content-Type", "application/json");
        }
        out.set(SessionId.HEADER, session.value());
        // 0: chunked, so each piece reaches the caller when the container writes it.
        exchange.sendResponseHeaders(answer.statusCode(), 0);
        try (InputStream in = answer.body(); OutputStream body = exchange.getResponseBody()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    body.write(buffer, 0, n);
                    body.flush();
                }
            }
        }
    }

    private static Optional<String> first(HttpResponse<?> answer, String name) {
        return answer.headers().firstValue(name.toLowerCase(Locale.ROOT));
    }
}
