package dev.agentcore.client.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every diagnosis rule, in rank order: the Diagnostician tries them top to bottom, lists the causes of those that
 * apply in this order, and stops after a conclusive one. Ids group the rules by area ({@link RuleArea}); the rank is
 * this list. docs/clients/diagnoses.md is generated from it.
 */
public final class DiagnosisRules {

    private static final List<DiagnosisRule> ALL = List.of(
            GeneralRules.REGION_MISMATCH,
            // no response
            TransportRules.LOCAL_NOT_RUNNING,
            TransportRules.NOTHING_LISTENS,
            TransportRules.OVERRIDE_FOR_ANOTHER_SERVICE,
            TransportRules.HOST_DOES_NOT_RESOLVE,
            TransportRules.NO_NETWORK,
            TransportRules.SLOW_FIRST_BYTE,
            TransportRules.ENDPOINT_DROPS,
            TransportRules.TLS_FAILED,
            TransportRules.CONNECTION_BROKE,
            // 401, 403: what the message says for certain, then the token, then guesses
            AuthRules.LOCAL_CONTAINER,
            AuthRules.METHOD_MISMATCH,
            AuthRules.MISSING_AUTHENTICATION_TOKEN,
            AuthRules.WORKLOAD_TOKEN_DENIED,
            AuthRules.WORKLOAD_TOKEN_GRANT,
            AuthRules.NO_TOKEN_SENT,
            TokenRules.NOT_A_JWT,
            TokenRules.EXPIRED,
            TokenRules.OTHER_ISSUER,
            TokenRules.ID_TOKEN,
            TokenRules.NO_CLIENT_ID,
            TokenRules.CLIENT_NOT_ALLOWED,
            TokenRules.CLIENT_REFUSED,
            TokenRules.NO_AUDIENCE,
            TokenRules.AUDIENCE_NOT_ALLOWED,
            TokenRules.AUDIENCE_REFUSED,
            TokenRules.SIGN_IN_SCOPES,
            TokenRules.SCOPE_NOT_ALLOWED,
            TokenRules.CUSTOM_CLAIM,
            AuthRules.AUTHORIZER_REJECTED_CLAIM,
            AuthRules.TOKEN_NOT_VERIFIED,
            AuthRules.SIGV4_TO_OAUTH_RUNTIME,
            AuthRules.CROSS_ACCOUNT,
            AuthRules.INVOKE_PERMISSION,
            AuthRules.MAY_HAVE_JWT_AUTHORIZER,
            // 404 (and 424 for an MCP session the container no longer knows)
            NotFoundRules.MCP_SESSION_GONE,
            NotFoundRules.LOCAL_NO_ROUTE,
            NotFoundRules.RUNTIME_DOES_NOT_EXIST,
            NotFoundRules.VERSION_AS_QUALIFIER,
            NotFoundRules.NO_SUCH_ENDPOINT,
            NotFoundRules.ENDPOINT_NOT_READY,
            NotFoundRules.ENDPOINT_MAY_NOT_EXIST,
            NotFoundRules.RUNTIME_MAY_NOT_EXIST,
            // 424
            RuntimeRules.STARTUP_CRASH,
            RuntimeRules.SLOW_INITIALIZATION,
            RuntimeRules.CONTAINER_ROUTE_MISSING,
            RuntimeRules.AGENT_CODE_FAILED,
            RuntimeRules.CONTAINER_ERROR,
            RuntimeRules.CONTAINER_NOT_STARTED,
            // 402, 409, 429
            LimitRules.QUOTA_EXCEEDED,
            LimitRules.SESSION_BUSY,
            LimitRules.THROTTLED,
            LimitRules.CONCURRENCY_QUOTA,
            // 5xx
            ServiceRules.STARTING_OR_OVERLOADED,
            ServiceRules.INTERNAL_FAILURE,
            // 400
            ValidationRules.MMDS_V2_REQUIRED,
            ValidationRules.SESSION_ID_REFUSED,
            ValidationRules.QUALIFIER_REFUSED,
            ValidationRules.INVALID_REQUEST,
            // whatever no rule above explained
            GeneralRules.UNEXPECTED_STATUS);

    private DiagnosisRules() {
    }

    /** In rank order. */
    public static List<DiagnosisRule> all() {
        return ALL;
    }

    public static Optional<RuleInfo> info(String id) {
        return ALL.stream().map(DiagnosisRule::info).filter(i -> i.id().equals(id)).findFirst();
    }

    /** The rules that apply to the case, in rank order, up to and including the first conclusive one. */
    static List<DiagnosisRule> applying(Case c) {
        List<DiagnosisRule> applying = new ArrayList<>();
        for (DiagnosisRule rule : ALL) {
            if (rule.appliesTo(c)) {
                applying.add(rule);
                c.found(rule.info().id());
                if (rule.info().conclusive()) {
                    break;
                }
            }
        }
        return applying;
    }
}
