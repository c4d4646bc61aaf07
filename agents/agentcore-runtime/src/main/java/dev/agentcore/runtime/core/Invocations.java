package dev.agentcore.runtime.core;

import dev.agentcore.http.Exchange;
import dev.agentcore.http.HttpProblem;
import dev.agentcore.http.LeanHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /invocations} with the Python SDK's status codes and bodies: the body is decoded as {@code json.loads}
 * would, debug actions are answered, the entry point runs, and its result leaves as JSON, as server-sent events or
 * as the {@link HttpResult} it is. Every failure is one log line, never a stack trace, and its answer is JSON.
 */
final class Invocations {

    private static final System.Logger log = System.getLogger(Invocations.class.getName());

    static final String JSON = "application/json";
    // Starlette appends the charset to text/* media types; AgentCore clients see exactly this.
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    /** How long a request waits for the body budget before it is answered 503. */
    static final Duration BUDGET_WAIT = Duration.ofSeconds(30);

    /**
     * The body bounds, and the names the answers give them (the builder's methods, or an adapter's properties), so
     * that a refused caller or operator knows which setting to change.
     */
    record Limits(long maxRequestBytes, long maxBytesInFlight, String requestSizeSetting, String bytesInFlightSetting) {
    }

    private final Entrypoint entrypoint;
    private final Supplier<WireJson> json;
    private final DebugActions debugActions; // null when off
    private final Limits limits;
    private final BodyBudget budget;

    Invocations(Entrypoint entrypoint, Supplier<WireJson> json, DebugActions debugActions, Limits limits) {
        this.entrypoint = entrypoint;
        this.json = json;
        this.debugActions = debugActions;
        this.limits = limits;
        this.budget = new BodyBudget(limits.maxBytesInFlight());
    }

    void serve(Exchange exchange) throws IOException {
        long started = System.nanoTime();
        AgentCoreContext context = RequestContexts.of(exchange.headers());
        String prefix = RequestContexts.logPrefix(context);
        WireJson wire = json.get();
        JsonNode payload;
        try {
            payload = readPayload(exchange, wire);
        } catch (PayloadDecoder.Rejected rejected) {
            if (rejected.status == 413) {
                exchange.closeAfter(); // the unread rest of the body makes the connection unusable
            }
            reject(exchange, wire, prefix, started, rejected);
            return;
        }
        if (debugActions != null) {
            Optional<DebugActions.Answer> answer = debugActions.answer(payload);
            if (answer.isPresent()) {
                send(exchange, answer.get().status(), wire.compact(answer.get().body()));
                return;
            }
        }
        if (entrypoint == null) {
            log.log(Level.ERROR, prefix + "No entrypoint defined");
            send(exchange, 500, wire.compact(Map.of("error", "No entrypoint defined")));
            return;
        }

        Object result;
        try (AgentCoreContext.Scope ignored = context.makeCurrent()) {
            result = await(entrypoint.invoke(payload, context));
        } catch (PayloadBinding.Mismatch mismatch) {
            log.log(Level.WARNING, prefix + "Invalid payload (" + seconds(started) + "s): " + mismatch.getMessage());
            send(exchange, 400, errorWithDetails(wire, "Invalid payload", mismatch.getMessage()));
            return;
        } catch (AgentCoreHttpException refused) {
            log.log(Level.WARNING, prefix + "HTTP " + refused.status() + " (" + seconds(started) + "s): "
                    + refused.getMessage());
            send(exchange, refused.status(), wire.compact(Map.of("error", messageOf(refused))));
            return;
        } catch (Throwable e) {
            // One line with where it was thrown: a busy session's refusal or a bug, neither needs 50 lines.
            log.log(Level.ERROR, prefix + "Invocation failed (" + seconds(started) + "s): " + LeanHttpServer.oneLine(e));
            send(exchange, 500, wire.compact(Map.of("error", messageOf(e))));
            return;
        }

        EventSource events = EventSource.of(result);
        if (events != null) {
            log.log(Level.INFO, prefix + "Returning streaming response (" + seconds(started) + "s)");
            stream(exchange, wire, events, context, prefix);
        } else if (result instanceof JsonResult withStatus) {
            String contentType = JSON;
            List<String> headers = withStatus.headers();
            for (int i = 0; i < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase("Content-Type")) {
                    contentType = headers.get(i + 1);
                } else {
                    exchange.header(headers.get(i), headers.get(i + 1));
                }
            }
            if (withStatus.value() == null) {
                exchange.respond(withStatus.status(), null, new byte[0]);
            } else {
                exchange.respond(withStatus.status(), contentType,
                        wire.result(withStatus.value()).getBytes(StandardCharsets.UTF_8));
            }
        } else if (result instanceof HttpResult passthrough) {
            List<String> headers = passthrough.headers();
            for (int i = 0; i < headers.size(); i += 2) {
                exchange.header(headers.get(i), headers.get(i + 1));
            }
            exchange.respond(passthrough.status(), passthrough.contentType(), passthrough.body());
        } else {
            String body = wire.result(result);
            log.log(Level.INFO, prefix + "Invocation completed successfully (" + seconds(started) + "s)");
            send(exchange, 200, body);
        }
    }

    /**
     * Reads and decodes the body within the budget of bytes in flight shared by all requests. Why: reading and
     * parsing a body takes several times its size for a moment; ten concurrent 100 MB bodies took the 6.4 GB default
     * heap and {@code /ping} stopped answering for 20-27 s in the garbage collector, which AgentCore reads as an
     * unhealthy runtime. Past the budget a request waits, its bytes left in the socket; one alone always proceeds.
     */
    private JsonNode readPayload(Exchange exchange, WireJson wire) throws IOException, PayloadDecoder.Rejected {
        long declared = exchange.declaredLength();
        if (declared > limits.maxRequestBytes()) {
            throw tooLarge(declared);
        }
        // Without a Content-Length the body may be as large as the limit.
        long reserved = declared >= 0 ? declared : limits.maxRequestBytes();
        try {
            if (!budget.reserve(reserved, BUDGET_WAIT)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            byte[] body;
            try {
                body = exchange.readBody(limits.maxRequestBytes());
            } catch (HttpProblem problem) {
                if (problem.status() == 413) {
                    throw tooLarge(-1);
                }
                throw problem;
            }
            return PayloadDecoder.decode(wire.mapper(), body);
        } finally {
            budget.release(reserved);
        }
    }

    // 413, as AgentCore answers a payload over its own limit (100,000,000 bytes) before the runtime sees it.
    private PayloadDecoder.Rejected tooLarge(long size) {
        return new PayloadDecoder.Rejected(413, "Request too large", (size >= 0 ? "the body has " + size + " bytes; "
                : "the body is larger than the limit; ") + "the limit is " + limits.maxRequestBytes() + " ("
                + limits.requestSizeSetting() + ")");
    }

    private PayloadDecoder.Rejected busy() {
        return new PayloadDecoder.Rejected(503, "Server busy", "other request bodies fill the "
                + limits.maxBytesInFlight() + " bytes this server reads at once (" + limits.bytesInFlightSetting()
                + "); retry shortly");
    }

    /** {@code data: <json>\n\n} per element, flushed at once; one error event when the producer fails. */
    private void stream(Exchange exchange, WireJson wire, EventSource events, AgentCoreContext context, String prefix)
            throws IOException {
        try (events; AgentCoreContext.Scope ignored = context.makeCurrent()) {
            OutputStream out = exchange.stream(200, EVENT_STREAM);
            while (true) {
                Object element;
                try {
                    if (!events.hasNext()) {
                        break;
                    }
                    element = events.next();
                } catch (Throwable e) {
                    log.log(Level.ERROR, prefix + "Error in streaming: " + LeanHttpServer.oneLine(e));
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("error", messageOf(e));
                    event.put("error_type", e.getClass().getSimpleName());
                    event.put("message", "An error occurred during streaming");
                    writeEvent(out, wire.result(event));
                    break;
                }
                writeEvent(out, wire.result(element));
            }
            out.close();
        } catch (IOException e) {
            // The client went away; closing the source (try-with-resources) cancels the producer.
            log.log(Level.INFO, prefix + "Client disconnected mid-stream; cancelled the handler's stream");
            exchange.closeAfter();
        }
    }

    private static void writeEvent(OutputStream out, String jsonText) throws IOException {
        out.write(("data: " + jsonText + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    private void reject(Exchange exchange, WireJson wire, String prefix, long started, PayloadDecoder.Rejected e)
            throws IOException {
        log.log(Level.WARNING, prefix + e.error + " in request (" + seconds(started) + "s): " + e.details);
        send(exchange, e.status, errorWithDetails(wire, e.error, e.details));
    }

    private static String errorWithDetails(WireJson wire, String error, String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("details", details);
        return wire.compact(body);
    }

    private static void send(Exchange exchange, int status, String body) throws IOException {
        exchange.respond(status, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Object await(Object result) throws Throwable {
        if (result instanceof CompletionStage<?> stage) {
            try {
                return stage.toCompletableFuture().get();
            } catch (ExecutionException | CompletionException e) {
                throw e.getCause() != null ? e.getCause() : e;
            }
        }
        return result;
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    /** {@code 1.500}, as the reference logs it, whatever the default locale. */
    static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.3f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
