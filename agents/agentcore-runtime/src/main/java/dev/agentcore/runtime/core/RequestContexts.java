package dev.agentcore.runtime.core;

import dev.agentcore.http.Headers;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the {@link AgentCoreContext} from a request's headers, as the Python SDK's {@code _build_request_context}
 * does for {@code /invocations} and the {@code /ws} upgrade alike: {@code Authorization} under that exact key, the
 * allowlisted headers lower-cased, the workload access token, a request id generated when absent.
 */
final class RequestContexts {

    private RequestContexts() {
    }

    static AgentCoreContext of(Headers headers) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (Headers.Header header : headers.all()) {
            String name = header.name();
            if (name.equalsIgnoreCase("Authorization")) {
                forwarded.put("Authorization", header.value());
            } else if (ForwardableHeaders.isForwardable(name)) {
                // Lower-cased as HTTP/2 and the Python reference deliver them.
                forwarded.putIfAbsent(name.toLowerCase(Locale.ROOT), header.value());
            }
        }
        String requestId = headers.get(AgentCoreContext.REQUEST_ID_HEADER);
        String wat = headers.get(AgentCoreContext.IDENTITY_WAT_HEADER);
        if (wat == null || wat.isEmpty()) {
            wat = headers.get(AgentCoreContext.WORKLOAD_ACCESS_TOKEN_HEADER);
        }
        return new AgentCoreContext(
                headers.get(AgentCoreContext.SESSION_ID_HEADER),
                requestId == null || requestId.isEmpty() ? UUID.randomUUID().toString() : requestId,
                forwarded,
                wat,
                headers.get(AgentCoreContext.OAUTH2_CALLBACK_URL_HEADER));
    }

    /** {@code [session=... request=...] }, the prefix of every log line about one request. */
    static String logPrefix(AgentCoreContext context) {
        return "[session=" + (context.sessionId() == null ? "-" : context.sessionId()) + " request="
                + context.requestId() + "] ";
    }
}
