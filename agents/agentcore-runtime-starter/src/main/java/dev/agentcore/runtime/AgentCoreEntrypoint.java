package dev.agentcore.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one bean method that handles {@code POST /invocations}, like {@code @app.entrypoint} in the
 * Python SDK.
 *
 * <p>Parameters, in any order: the payload (a {@code JsonNode}, a {@code Map}, a {@code String}, a record
 * or any type Jackson can bind the request JSON to) and, if the method asks for it, an
 * {@link dev.agentcore.runtime.core.AgentCoreContext}.
 *
 * <p>Return values: a {@code Stream}, {@code Iterator} or Reactive Streams {@code Publisher} (so also a
 * {@code Flux}) streams as {@code text/event-stream}, one {@code data: <json>} event per element; a
 * {@code CompletionStage} is awaited; a {@code ResponseEntity} is passed through; anything else is
 * returned as {@code application/json}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AgentCoreEntrypoint {
}
