package dev.agentcore.runtime.invocation;

import dev.agentcore.runtime.core.AgentCoreHttpException;
import dev.agentcore.runtime.core.HttpResult;
import dev.agentcore.runtime.core.JsonResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a Spring entry point may return or throw, in the core's terms: a {@code ResponseEntity} is an
 * {@link HttpResult} (raw bytes, or text under its own content type) or a {@link JsonResult}, a Reactive Streams
 * {@code Publisher} (a {@code Flux}) a {@code Flow.Publisher}, a {@code ResponseStatusException} an
 * {@link AgentCoreHttpException}. Everything else the core knows already.
 */
final class SpringResults {

    private SpringResults() {
    }

    static Object toCore(Object result) {
        if (result instanceof CompletionStage<?> stage) {
            return stage.handle((value, error) -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    throw new CompletionException(toCore(cause));
                }
                return toCore(value);
            });
        }
        if (result instanceof Publisher<?> publisher) {
            return FlowAdapters.toFlowPublisher(publisher);
        }
        if (result instanceof ResponseEntity<?> entity) {
            return fromEntity(entity);
        }
        return result;
    }

    static Exception toCore(Throwable thrown) {
        if (thrown instanceof ResponseStatusException status) {
            AgentCoreHttpException mapped = new AgentCoreHttpException(status.getStatusCode().value(), reasonOf(status));
            mapped.initCause(status);
            return mapped;
        }
        if (thrown instanceof Exception e) {
            return e;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(thrown);
    }

    private static Object fromEntity(ResponseEntity<?> entity) {
        int status = entity.getStatusCode().value();
        HttpHeaders headers = entity.getHeaders();
        List<String> pairs = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> {
                    pairs.add(name);
                    pairs.add(value);
                });
            }
        });
        String contentType = headers.getContentType() == null ? null : headers.getContentType().toString();
        Object body = entity.getBody();
        if (body instanceof byte[] raw) {
            return new HttpResult(status, contentType, pairs, raw);
        }
        if (body instanceof String text && contentType != null) {
            return new HttpResult(status, contentType, pairs, text.getBytes(StandardCharsets.UTF_8));
        }
        if (body != null && contentType != null) {
            pairs.add(HttpHeaders.CONTENT_TYPE);
            pairs.add(contentType);
        }
        return new JsonResult(status, pairs, body);
    }

    /** The reason a {@code ResponseStatusException} gives, else its status's reason phrase, as Starlette's. */
    private static String reasonOf(ResponseStatusException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        HttpStatus known = HttpStatus.resolve(e.getStatusCode().value());
        return known == null ? String.valueOf(e.getStatusCode().value()) : known.getReasonPhrase();
    }
}
