package dev.agentcore.client.output;

import dev.agentcore.core.sse.EventStreamReader;

/**
 * What {@link ResponsePrinter} holds in memory or reads at most, so that no answer (an endless line, an endless
 * JSON body) can take the heap or run forever. Made by {@link #defaults()}.
 *
 * @param maxEventChars   a line or an event of a text/event-stream body, in characters
 * @param maxPrettyJson   a JSON body buffered to pretty-print it, in bytes; a larger one prints as it arrives
 * @param maxBodyBytes    the whole body, in bytes
 */
public record ResponseLimits(int maxEventChars, int maxPrettyJson, long maxBodyBytes) {

    /** AgentCore takes payloads up to 100,000,000 bytes (the Body blob of InvokeAgentRuntime); answers get the same. */
    public static final long AGENTCORE_PAYLOAD_LIMIT = 100_000_000L;

    public ResponseLimits {
        if (maxEventChars < 1 || maxPrettyJson < 0 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("response limits must be positive");
        }
    }

    public static ResponseLimits defaults() {
        return new ResponseLimits(EventStreamReader.DEFAULT_MAX_EVENT_CHARS, 16 * 1024 * 1024, AGENTCORE_PAYLOAD_LIMIT);
    }
}
