package dev.agentcore.runtime.invocation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which failure becomes which answer, with the reference's status codes and bodies: a refused body is
 * {@code {"error","details"}}, a handler's {@code ResponseStatusException} keeps its status, anything else is
 * {@code 500 {"error":"<message>"}} with no stack trace, and a stream that fails ends with one error event.
 */
final class InvocationErrors {

    private static final Logger log = LoggerFactory.getLogger(InvocationErrors.class);

    private final WireJson json;

    InvocationErrors(WireJson json) {
        this.json = json;
    }

    JsonReply rejected(RejectedPayload e, String elapsedSeconds) {
        log.warn("{} in request ({}s): {}", e.error(), elapsedSeconds, e.details());
        return new JsonReply(e.status(), errorWithDetails(e.error(), e.details()));
    }

    JsonReply noEntrypoint() {
        log.error("No entrypoint defined");
        return new JsonReply(500, json.compact(Map.of("error", "No entrypoint defined")));
    }

    /** What the client sees when the handler threw, or its {@code CompletionStage} failed, before any output. */
    JsonReply handlerFailed(Throwable e, String elapsedSeconds) {
        if (e instanceof EntrypointMethod.PayloadBindingException binding) {
            log.warn("Invalid payload ({}s): {}", elapsedSeconds, binding.getMessage());
            return new JsonReply(400, errorWithDetails("Invalid payload", binding.getMessage()));
        }
        if (e instanceof ResponseStatusException status) {
            log.warn("HTTP {} ({}s): {}", status.getStatusCode().value(), elapsedSeconds, reasonOf(status));
            return new JsonReply(status.getStatusCode().value(), json.compact(Map.of("error", reasonOf(status))));
        }
        log.error("Invocation failed ({}s)", elapsedSeconds, e);
        return new JsonReply(500, json.compact(Map.of("error", messageOf(e))));
    }

    /** The one event that ends a stream whose producer failed. */
    Map<String, Object> streamingErrorEvent(Throwable e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("error", messageOf(e));
        event.put("error_type", e.getClass().getSimpleName());
        event.put("message", "An error occurred during streaming");
        return event;
    }

    /** The reason a {@code ResponseStatusException} gives, else its status's reason phrase, as Starlette's. */
    static String reasonOf(ResponseStatusException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        HttpStatusCode status = e.getStatusCode();
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? String.valueOf(status.value()) : known.getReasonPhrase();
    }

    private String errorWithDetails(String error, String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("details", details);
        return json.compact(body);
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }
}
