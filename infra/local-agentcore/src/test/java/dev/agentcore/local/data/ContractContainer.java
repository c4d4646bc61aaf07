package dev.agentcore.local.data;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real runtime container on loopback speaking AgentCore's service contract, small enough to steer from a test:
 * {@code GET /ping}, {@code POST /invocations} (JSON, or SSE when the caller accepts {@code text/event-stream}) and
 * {@code POST /mcp} (JSON-RPC initialize and tools/list of one tool, echo). The payload steers it:
 * {@code {"status": 500}} answers that status; {@code {"waitForRelease": true}} sends the first SSE event and holds
 * the rest until {@link #release()}.
 */
final class ContractContainer implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request the container received: path and headers. */
    record Received(String path, Headers headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Duration pingDelay;

    private ContractContainer(Duration pingDelay) throws IOException {
        this.pingDelay = pingDelay;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/ping", this::ping);
        server.createContext("/invocations", this::invocations);
        server.createContext("/mcp", this::mcp);
        server.start();
    }

    static ContractContainer start() throws IOException {
        return new ContractContainer(Duration.ZERO);
    }

    /** A container whose /ping answers only after {@code delay}: one that does not finish initializing in time. */
    static ContractContainer slowToStart(Duration delay) throws IOException {
        return new ContractContainer(delay);
    }

    ContainerAddress address() {
        return ContainerAddress.of("127.0.0.1", server.getAddress().getPort());
    }

    List<Received> received() {
        return received;
    }

    void release() {
        release.countDown();
    }

    private void ping(HttpExchange exchange) throws IOException {
        try (exchange) {
            sleep(pingDelay);
            send(exchange, 200, "application/json", "{\"status\":\"Healthy\"}");
        }
    }

    private void invocations(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received("/invocations", exchange.getRequestHeaders(), body));
            JsonNode payload = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            if (payload.has("status")) {
                send(exchange, payload.get("status").asInt(), "application/json", "{\"error\":\"container detail\"}");
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("echo", payload)));
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("data: {\"event\":1}\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            if (payload.path("waitForRelease").asBoolean(false)) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            out.write("data: {\"event\":2}\n\n".getBytes(StandardCharsets.UTF_8));
            out.close();
        }
    }

    private void mcp(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received("/mcp", exchange.getRequestHeaders(), body));
            JsonNode request = JSON.readTree(body);
            Object result = switch (request.path("method").asString()) {
                case "initialize" -> Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of("tools", Map.of()),
                        "serverInfo", Map.of("name", "mcp_echo", "version", "1"));
                case "tools/list" -> Map.of("tools", List.of(Map.of("name", "echo", "description",
                        "Echoes its text", "inputSchema", Map.of("type", "object"))));
                default -> null;
            };
            if (result == null) {
                send(exchange, 404, "application/json", "{}");
                return;
            }
            exchange.getResponseHeaders().set("Mcp-Session-Id", "mcp-session-1");
            send(exchange, 200, "application/json", JSON.writeValueAsString(Map.of("jsonrpc", "2.0",
                    "id", request.path("id").asInt(), "result", result)));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
