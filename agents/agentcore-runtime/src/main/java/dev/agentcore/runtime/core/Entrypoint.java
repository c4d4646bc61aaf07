package dev.agentcore.runtime.core;

import tools.jackson.databind.JsonNode;

/**
 * The agent's handler for {@code POST /invocations}, the Python SDK's {@code @app.entrypoint}. It returns:
 * <ul>
 *   <li>a value Jackson writes (record, map, list, string, number, {@code JsonNode}, null): a JSON answer;</li>
 *   <li>a {@code Stream}, an {@code Iterator} or a {@code Flow.Publisher}: server-sent events, one {@code data:}
 *       line per element (an {@code Iterable} is a value: a {@code JsonNode} and a {@code List} are both one);</li>
 *   <li>a {@code CompletionStage} of any of these: awaited;</li>
 *   <li>an {@link HttpResult}: passed through as it is.</li>
 * </ul>
 * Throwing {@link AgentCoreHttpException} answers its status; anything else is {@code 500 {"error":"<message>"}}.
 *
 * <p>This is also what a framework adapter registers: the Spring starter's {@code @AgentCoreEntrypoint} method,
 * bound by reflection, becomes one {@code Entrypoint}.
 */
@FunctionalInterface
public interface Entrypoint {

    Object invoke(JsonNode payload, AgentCoreContext context) throws Exception;

    /** A handler that takes the payload bound to a type (a record, a map, a string). */
    @FunctionalInterface
    interface Typed<T> {
        Object invoke(T payload, AgentCoreContext context) throws Exception;
    }
}
