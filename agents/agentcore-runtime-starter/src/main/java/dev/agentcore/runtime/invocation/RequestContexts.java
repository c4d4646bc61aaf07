package dev.agentcore.runtime.invocation;

import dev.agentcore.runtime.AgentCoreContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Builds the {@link AgentCoreContext} from a request's headers, as the Python SDK's
 * {@code _build_request_context} does for {@code /invocations} and for the {@code /ws} upgrade request alike,
 * and puts its ids in the logging MDC.
 */
public final class RequestContexts {

    static final String MDC_SESSION_ID = "sessionId";
    static final String MDC_REQUEST_ID = "requestId";

    private RequestContexts() {
    }

    public static AgentCoreContext of(HttpServletRequest req) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            if (name.equalsIgnoreCase("Authorization")) {
                forwarded.put("Authorization", req.getHeader(name));
            } else if (ForwardableHeaders.isForwardable(name)) {
                // Lower-cased as HTTP/2 and the Python reference deliver them.
                forwarded.put(name.toLowerCase(Locale.ROOT), req.getHeader(name));
            }
        }
        String requestId = req.getHeader(AgentCoreContext.REQUEST_ID_HEADER);
        String wat = req.getHeader(AgentCoreContext.IDENTITY_WAT_HEADER);
        if (wat == null || wat.isEmpty()) {
            wat = req.getHeader(AgentCoreContext.WORKLOAD_ACCESS_TOKEN_HEADER);
        }
        return new AgentCoreContext(
                req.getHeader(AgentCoreContext.SESSION_ID_HEADER),
                requestId == null || requestId.isEmpty() ? UUID.randomUUID().toString() : requestId,
                forwarded,
                wat,
                req.getHeader(AgentCoreContext.OAUTH2_CALLBACK_URL_HEADER));
    }

    /** Puts the session and request ids in the MDC of the current thread, for {@code [session=... request=...]}. */
    public static void putMdc(AgentCoreContext context) {
        if (context.sessionId() != null) {
            MDC.put(MDC_SESSION_ID, context.sessionId());
        }
        MDC.put(MDC_REQUEST_ID, context.requestId());
    }

    public static void clearMdc() {
        MDC.remove(MDC_SESSION_ID);
        MDC.remove(MDC_REQUEST_ID);
    }
}
