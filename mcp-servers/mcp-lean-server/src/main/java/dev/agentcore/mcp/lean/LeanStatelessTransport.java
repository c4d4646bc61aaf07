package dev.agentcore.mcp.lean;

import dev.agentcore.http.Exchange;
import dev.agentcore.http.Headers;
import dev.agentcore.http.JsonText;
import dev.agentcore.http.LeanHttpServer;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * The streamable HTTP transport of a stateless MCP server on lean-http: one JSON-RPC message per POST, answered
 * with JSON. Everything that is not one well-formed message reaches no handler and gets the status the transport
 * specification names with a JSON-RPC error: wrong path 404, other methods 405, a bad Host or Origin 403 (or what
 * the validator says), an Accept without both JSON and SSE 406, a body that is not JSON 415, an unknown
 * {@code MCP-Protocol-Version} 400, malformed JSON -32700, batches and other invalid messages -32600. Params the SDK
 * cannot decode are -32602 answering the request's id (the SDK would answer 500 with a Java exception text).
 *
 * <p>Two SDK servers answer through it: the one with the server's features, once it is made, and until then one
 * with the same settings and no features for {@code initialize} alone (see {@link LeanMcpServer#start()}); every
 * other message waits for the first.
 */
final class LeanStatelessTransport implements McpStatelessServerTransport {

    private static final System.Logger log = System.getLogger(LeanStatelessTransport.class.getName());
    private static final String JSON = "application/json";

    private final String endpoint;
    private final McpJsonMapper json;
    private final ServerTransportSecurityValidator security;
    private final long maxRequestBytes;
    private final CompletableFuture<McpStatelessServerHandler> serving = new CompletableFuture<>();
    private volatile McpStatelessServerHandler initializeHandler;
    private final CountDownLatch firstAnswer = new CountDownLatch(1);

    LeanStatelessTransport(String endpoint, McpJsonMapper json, ServerTransportSecurityValidator security,
            long maxRequestBytes) {
        this.endpoint = endpoint;
        this.json = json;
        this.security = security;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
        serving.complete(handler);
    }

    /** Why the server with the features will never be there: messages waiting for it are refused. */
    void notServing(Throwable why) {
        serving.completeExceptionally(why);
    }

    /**
     * Waits until the first {@code initialize} has been answered or a message needs the server with the features,
     * for at most {@code atMost}.
     */
    void awaitFirstAnswer(Duration atMost) throws InterruptedException {
        firstAnswer.await(atMost.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The transport of the server that answers {@code initialize} while the one with the features is made. */
    McpStatelessServerTransport initializeOnly() {
        return new McpStatelessServerTransport() {
            @Override
            public void setMcpHandler(McpStatelessServerHandler handler) {
                initializeHandler = handler;
            }

            @Override
            public List<String> protocolVersions() {
                return LeanStatelessTransport.this.protocolVersions();
            }

            @Override
            public Mono<Void> closeGracefully() {
                return Mono.empty();
            }
        };
    }

    /** The handler for a message: the full server's, or the initialize-only one's while the full one is made. */
    private McpStatelessServerHandler handlerFor(String method) {
        McpStatelessServerHandler initialize = initializeHandler;
        if (!serving.isDone() && initialize != null && McpSchema.METHOD_INITIALIZE.equals(method)) {
            return initialize;
        }
        firstAnswer.countDown();
        try {
            return serving.join();
        } catch (CompletionException | CancellationException e) {
            return null;
        }
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.empty();
    }

    void serve(Exchange exchange) throws IOException {
        if (!exchange.path().equals(endpoint)) {
            refuse(exchange, 404, null, JsonRpcRefusals.SERVER_ERROR, "Not Found: the MCP endpoint is POST " + endpoint);
            return;
        }
        if (!exchange.method().equals("POST")) {
            // A stateless server opens no SSE stream (GET) and has no session to end (DELETE).
            exchange.header("Allow", "POST");
            refuse(exchange, 405, null, JsonRpcRefusals.SERVER_ERROR,
                    "Method Not Allowed: this stateless MCP server accepts POST only");
            return;
        }
        try {
            security.validateHeaders(headerMap(exchange.headers()));
        } catch (ServerTransportSecurityException e) {
            refuse(exchange, e.getStatusCode(), null, JsonRpcRefusals.SERVER_ERROR, e.getMessage());
            return;
        }
        if (!accepts(exchange.headers(), "application/json") || !accepts(exchange.headers(), "text/event-stream")) {
            refuse(exchange, 406, null, JsonRpcRefusals.SERVER_ERROR,
                    "Not Acceptable: the client must accept both application/json and text/event-stream");
            return;
        }
        String contentType = exchange.headers().get("Content-Type");
        if (contentType == null || !mediaType(contentType).equals(JSON)) {
            refuse(exchange, 415, null, JsonRpcRefusals.SERVER_ERROR,
                    "Unsupported Media Type: Content-Type must be application/json");
            return;
        }
        String protocolVersion = exchange.headers().get("MCP-Protocol-Version");
        if (protocolVersion != null && !protocolVersions().contains(protocolVersion)) {
            refuse(exchange, 400, null, JsonRpcRefusals.INVALID_REQUEST, "Bad Request: unsupported MCP-Protocol-Version "
                    + protocolVersion + "; supported: " + String.join(", ", protocolVersions()));
            return;
        }
        byte[] body = exchange.readBody(maxRequestBytes);
        Object message;
        try {
            message = json.readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            refuse(exchange, 400, null, JsonRpcRefusals.PARSE_ERROR, "Parse error: the request body is not valid JSON");
            return;
        }
        Envelope envelope = Envelope.check(message);
        if (envelope.problem() != null) {
            refuse(exchange, 400, envelope.idJson(), JsonRpcRefusals.INVALID_REQUEST, envelope.problem());
            return;
        }
        McpTransportContext context = McpTransportContext.create(Map.of());
        if (envelope.kind() == Envelope.Kind.RESPONSE) {
            exchange.respond(202, null, new byte[0]); // a response from the client: nothing waits for it here
            return;
        }
        McpStatelessServerHandler handler = handlerFor(envelope.method());
        if (handler == null) {
            refuse(exchange, 503, envelope.idJson(), JsonRpcRefusals.SERVER_ERROR,
                    "Service Unavailable: the server could not set up its tools, resources or prompts");
        } else if (envelope.kind() == Envelope.Kind.REQUEST) {
            try {
                answer(exchange, handler, envelope, json.convertValue(message, JSONRPCRequest.class), context);
            } finally {
                firstAnswer.countDown(); // the first client is answered: run() may make the features now
            }
        } else {
            handler.handleNotification(context, json.convertValue(message, JSONRPCNotification.class))
                    .contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
            exchange.respond(202, null, new byte[0]);
        }
    }

    private void answer(Exchange exchange, McpStatelessServerHandler handler, Envelope envelope,
            JSONRPCRequest request, McpTransportContext context) throws IOException {
        Mono<JSONRPCResponse> reply;
        try {
            reply = handler.handleRequest(context, request);
        } catch (RuntimeException e) {
            // The SDK decodes params before its own error handling; what it cannot decode is the client's fault.
            log.log(Level.DEBUG, "params of " + request.method() + " not decoded: " + e.getMessage());
            refuse(exchange, 200, envelope.idJson(), JsonRpcRefusals.INVALID_PARAMS, "Invalid params for "
                    + request.method() + ": " + (request.params() == null ? "params are required"
                    : "the params do not have the shape the method takes"));
            return;
        }
        JSONRPCResponse response;
        try {
            response = reply.contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
        } catch (RuntimeException e) {
            McpError error = e instanceof McpError mcp ? mcp : null;
            if (error == null) {
                log.log(Level.ERROR, request.method() + " failed: " + LeanHttpServer.oneLine(e));
            }
            refuse(exchange, error == null ? 500 : 200, envelope.idJson(),
                    error == null ? -32603 : error.getJsonRpcError().code(),
                    error == null ? "Internal error" : error.getJsonRpcError().message());
            return;
        }
        exchange.respond(200, JSON, json.writeValueAsBytes(response));
    }

    private static void refuse(Exchange exchange, int status, String idJson, int code, String message) throws IOException {
        exchange.respond(status, JSON, JsonRpcRefusals.envelope(idJson, code, message));
    }

    /** Whether an Accept header lists a media type exactly (or a wildcard covering it), parameters aside. */
    static boolean accepts(Headers headers, String type) {
        String major = type.substring(0, type.indexOf('/'));
        for (String value : headers.values("Accept")) {
            for (String item : value.split(",")) {
                String range = mediaType(item);
                if (range.equals(type) || range.equals(major + "/*") || range.equals("*/*")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String mediaType(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon >= 0 ? value.substring(0, semicolon) : value).strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<String>> headerMap(Headers headers) {
        // Case-insensitive: the SDK's validator asks for "Host" and "Origin"; clients may send "host".
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Headers.Header header : headers.all()) {
            map.computeIfAbsent(header.name(), name -> new ArrayList<>()).add(header.value());
        }
        return map;
    }

    /** What one POST body is: a request, a notification, a response, or why it is none of them. */
    record Envelope(Kind kind, String idJson, String method, String problem) {

        enum Kind { REQUEST, NOTIFICATION, RESPONSE, INVALID }

        static Envelope check(Object message) {
            if (message instanceof List<?>) {
                return invalid(null, "Invalid Request: JSON-RPC batches are not supported; since MCP 2025-06-18 "
                        + "each POST carries one message");
            }
            if (!(message instanceof Map<?, ?> fields)) {
                return invalid(null, "Invalid Request: a JSON-RPC message is a JSON object");
            }
            Object id = fields.get("id");
            String idJson = id instanceof String text ? JsonText.quote(JsonRpcRefusals.clip(text))
                    : id instanceof Number number ? number.toString() : null;
            if (!"2.0".equals(fields.get("jsonrpc"))) {
                return invalid(idJson, "Invalid Request: \"jsonrpc\" must be \"2.0\"");
            }
            if (fields.containsKey("id") && idJson == null) {
                return invalid(null, "Invalid Request: \"id\" must be a string or a number");
            }
            boolean request = fields.containsKey("method");
            boolean response = fields.containsKey("result") || fields.containsKey("error");
            if (request && !(fields.get("method") instanceof String)) {
                return invalid(idJson, "Invalid Request: \"method\" must be a string");
            }
            if (!request && !response) {
                return invalid(idJson, "Invalid Request: a message has a \"method\", or a \"result\" or \"error\"");
            }
            if (request && fields.containsKey("params") && !(fields.get("params") instanceof Map<?, ?>)) {
                return invalid(idJson, "Invalid Request: MCP \"params\" must be an object");
            }
            Kind kind = !request ? Kind.RESPONSE : idJson == null ? Kind.NOTIFICATION : Kind.REQUEST;
            return new Envelope(kind, idJson, request ? (String) fields.get("method") : null, null);
        }

        private static Envelope invalid(String idJson, String problem) {
            return new Envelope(Kind.INVALID, idJson, null, problem);
        }
    }
}
