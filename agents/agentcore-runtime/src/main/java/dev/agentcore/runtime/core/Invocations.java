package dev.agentcore.runtime.core;

import dev.agentcore.http.Exchange;
import dev.agentcore.http.HttpProblem;
import dev.agentcore.http.LeanHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
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

    private final Entrypoint entrypoint;
    private final Supplier<WireJson> json;
    private final DebugActions debugActions; // null when off
    private final long maxRequestBytes;

    Invocations(Entrypoint entrypoint, Supplier<WireJson> json, DebugActions debugActions, long maxRequestBytes) {
        this.entrypoint = entrypoint;
        this.json = json;
        this.debugActions = debugActions;
        this.maxRequestBytes = maxRequestBytes;
    }

    void serve(Exchange exchange) throws IOException {
        long started = System.nanoTime();
        AgentCoreContext context = RequestContexts.of(exchange.headers());
        String prefix = RequestContexts.logPrefix(context);
        WireJson wire = json.get();
        JsonNode payload;
        try {
            payload = PayloadDecoder.parse(wire.mapper(), exchange.readBody(maxRequestBytes));
        } catch (HttpProblem problem) {
            if (problem.status() == 413) {
                exchange.closeAfter(); // the unread rest of the body makes the connection unusable
                reject(exchange, wire, prefix, started, new PayloadDecoder.Rejected(413, "Request too large",
                        "the body exceeds " + maxRequestBytes + " bytes (AgentCore's payload limit)"));
                return;
            }
            throw problem;
        } catch (PayloadDecoder.Rejected rejected) {
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
        } catch (TypedEntrypoint.PayloadMismatch mismatch) {
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
