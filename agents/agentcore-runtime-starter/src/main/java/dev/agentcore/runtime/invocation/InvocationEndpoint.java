package dev.agentcore.runtime.invocation;

import dev.agentcore.runtime.AgentCoreContext;
import dev.agentcore.runtime.AgentCoreHealth;
import dev.agentcore.runtime.AgentCoreTasks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /invocations}: routes a request through its steps, each done by a class of its own, with the
 * Python SDK's status codes and bodies. {@link PayloadReader} decodes the body, {@link DebugActions} answers
 * debug actions, the entrypoint runs, and its result goes out through {@link EventStreamWriter} (streams),
 * {@link ResponseEntityWriter} ({@code ResponseEntity}) or as JSON; {@link InvocationErrors} maps failures.
 */
public final class InvocationEndpoint {

    private static final Logger log = LoggerFactory.getLogger(InvocationEndpoint.class);

    /** Settings from {@code agentcore.runtime.*}. */
    public record Settings(long maxRequestBytes, long maxRequestBytesInFlight, boolean debugActions) {
    }

    private final ObjectMapper mapper;
    private final WireJson json;
    private final PayloadReader payloads;
    private final DebugActions debugActions;
    private final InvocationErrors errors;
    private final EventStreamWriter eventStreams;
    private final ResponseEntityWriter entities;
    private volatile EntrypointMethod entrypoint;

    public InvocationEndpoint(ObjectMapper mapper, AgentCoreHealth health, AgentCoreTasks tasks, Settings settings) {
        this.mapper = mapper;
        this.json = new WireJson(mapper);
        this.payloads = new PayloadReader(mapper, settings.maxRequestBytes(), settings.maxRequestBytesInFlight());
        this.debugActions = new DebugActions(settings.debugActions(), health, tasks, json);
        this.errors = new InvocationErrors(json);
        this.eventStreams = new EventStreamWriter(json, errors);
        this.entities = new ResponseEntityWriter(json);
    }

    public void useEntrypoint(EntrypointMethod method) {
        this.entrypoint = method;
    }

    public ServerResponse handle(ServerRequest request) {
        return ServerResponse.ok().build((req, res) -> {
            AgentCoreContext context = RequestContexts.of(req);
            RequestContexts.putMdc(context);
            try (AgentCoreContext.Scope ignored = context.makeCurrent()) {
                serve(req, res, context);
            } finally {
                RequestContexts.clearMdc();
            }
            return null;
        });
    }

    private void serve(HttpServletRequest req, HttpServletResponse res, AgentCoreContext context) throws IOException {
        long started = System.nanoTime();
        JsonNode payload;
        try {
            payload = payloads.read(req);
        } catch (RejectedPayload e) {
            errors.rejected(e, seconds(started)).writeTo(res);
            return;
        }
        Optional<JsonReply> debugAnswer = debugActions.answer(payload);
        if (debugAnswer.isPresent()) {
            debugAnswer.get().writeTo(res);
            return;
        }
        EntrypointMethod method = entrypoint;
        if (method == null) {
            errors.noEntrypoint().writeTo(res);
            return;
        }

        Object result;
        try {
            result = await(method.invoke(payload, context, mapper));
        } catch (Throwable e) {
            errors.handlerFailed(e, seconds(started)).writeTo(res);
            return;
        }

        EventSource events = EventSource.of(result);
        if (events != null) {
            log.info("Returning streaming response ({}s)", seconds(started));
            eventStreams.write(res, events);
        } else if (result instanceof ResponseEntity<?> entity) {
            entities.write(res, entity);
        } else {
            log.info("Invocation completed successfully ({}s)", seconds(started));
            new JsonReply(200, json.result(result)).writeTo(res);
        }
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

    private static String seconds(long startedNanos) {
        return formatSeconds((System.nanoTime() - startedNanos) / 1e9);
    }

    /** {@code 1.500}, as the reference logs it, whatever the default locale (German would write {@code 1,500}). */
    static String formatSeconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
