package dev.agentcore.client.diagnosis;

import dev.agentcore.client.auth.SignInRules;
import dev.agentcore.client.auth.TokenEndpointRules;
import dev.agentcore.client.invoke.AgentStreamError;
import dev.agentcore.client.invoke.MissingCredentials;
import dev.agentcore.client.mcp.McpServerError;
import dev.agentcore.client.output.BrokenStream;
import dev.agentcore.client.report.RuleFamily;
import dev.agentcore.client.report.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every diagnosis rule. The rules of a failed call to a runtime, in rank order ({@link #all}): the Diagnostician
 * tries them top to bottom, lists the causes of those that apply in this order, and stops after a conclusive one.
 * Then the families of the failures that happen around a call ({@link #families}): getting a token, finding AWS
 * credentials, an error inside an answer; each ranks its own rules the same way. Ids group the rules by area
 * ({@link dev.agentcore.client.report.RuleArea}). docs/clients/diagnoses.md is generated from this registry.
 */
public final class DiagnosisRules {

    private static final List<DiagnosisRule> ALL = List.of(
            GeneralRules.PARTITION_MISMATCH,
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
            TokenRules.UNSIGNED,
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

    /** The failures around a call, each family with its own context; their rules live beside the code that fails. */
    private static final List<RuleFamily<?>> FAMILIES = List.of(
            MissingCredentials.RULES,
            TokenEndpointRules.FAMILY,
            SignInRules.FAMILY,
            McpServerError.RULES,
            AgentStreamError.RULES,
            BrokenStream.RULES);

    private DiagnosisRules() {
    }

    /** In rank order. */
    public static List<DiagnosisRule> all() {
        return ALL;
    }

    /** The families of the failures around a call, in the order of the page. */
    public static List<RuleFamily<?>> families() {
        return FAMILIES;
    }

    /** Every rule of the registry: the call's rules, then each family's. */
    public static List<RuleInfo> infos() {
        return Stream.concat(ALL.stream().map(DiagnosisRule::info),
                FAMILIES.stream().flatMap(family -> family.infos().stream())).toList();
    }

    public static Optional<RuleInfo> info(String id) {
        return infos().stream().filter(i -> i.id().equals(id)).findFirst();
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
