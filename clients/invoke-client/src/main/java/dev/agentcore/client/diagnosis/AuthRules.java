package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

import dev.agentcore.client.invoke.AuthMode;
import dev.agentcore.core.arn.WorkloadIdentityArn;
import dev.agentcore.core.runtime.ServiceLinkedRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** 401 and 403: the wrong authorization method, a token the authorizer rejects, or a role that lacks a grant. */
final class AuthRules {

    static final String POLICY_LINT = "policy-lint --runtimes .agentcore/state.json <your templates or policies>";

    private static final Trigger AUTH_FAILURE = Trigger.statuses(401, 403);
    private static final Trigger FORBIDDEN = Trigger.statuses(403);
    private static final Trigger UNAUTHORIZED = Trigger.statuses(401);

    private AuthRules() {
    }

    static final DiagnosisRule LOCAL_CONTAINER = rule("AC200", "The local container refused the call itself")
            .summary("A container called with --local has no AgentCore authorizer in front of it: its own code answered.")
            .on(AUTH_FAILURE)
            .when(c -> c.arn() == null)
            .cause(c -> "The local container itself refused the call with " + c.status()
                    + " (no AgentCore authorizer runs in front of a local container)")
            .next("Check the agent's own authentication settings and its log; AgentCore passes nothing like this to a "
                    + "container unless Authorization is in the runtime's requestHeaderAllowlist")
            .conclusive()
            .build();

    static final DiagnosisRule METHOD_MISMATCH = rule("AC210", "Authorization method mismatch")
            .summary("A runtime takes either SigV4 (no authorizer) or OAuth bearer tokens (a customJWTAuthorizer), never "
                    + "both; AgentCore names the mismatch in its message.")
            .on(FORBIDDEN)
            .when(c -> c.messageContains("Authorization method mismatch"))
            .cause(AuthRules::methodMismatchCause)
            .next(AuthRules::methodMismatchNext)
            .conclusive()
            .build();

    static final DiagnosisRule MISSING_AUTHENTICATION_TOKEN = rule("AC220", "Missing Authentication Token")
            .summary("AWS's front door answers this (as a 403, or wrapped in a JSON-RPC error with 401 for MCP) before "
                    + "any AgentCore authorizer or IAM policy is consulted: no usable token or signature reached it (an "
                    + "empty token, the string \"undefined\" of an unset variable, an expired token), or the URL matches "
                    + "no AgentCore operation (a path that stops before /invocations, an ARN that is not URL-encoded).")
            .on(AUTH_FAILURE)
            .when(c -> c.messageContains("Missing Authentication Token"))
            .cause(AuthRules::missingTokenCause)
            .next(AuthRules::missingTokenNext)
            .conclusive()
            .build();

    static final DiagnosisRule WORKLOAD_TOKEN_DENIED = rule("AC230", "IAM refused the execution role a workload access token")
            .summary("AgentCore passed IAM's own text on: the runtime's execution role is not allowed "
                    + "GetWorkloadAccessToken* on the runtime's workload identity. The message names the role and the "
                    + "exact resource, so this is certain.")
            .on(FORBIDDEN)
            .when(c -> c.denial().filter(d -> d.action().startsWith("bedrock-agentcore:GetWorkloadAccessToken")).isPresent())
            .cause(c -> {
                AccessDenial d = c.denial().orElseThrow();
                return "The runtime's execution role (" + d.describePrincipal() + ") may not call " + d.action() + " on "
                        + d.resource()
                        + (d.reason().isEmpty() ? "" : ": " + d.reason());
            })
            .next(c -> {
                AccessDenial d = c.denial().orElseThrow();
                String directory = WorkloadIdentityArn.tryParse(d.resource()).map(WorkloadIdentityArn::directoryArn)
                        .orElse("its workload-identity-directory");
                String role = d.roleName().orElse("<the execution role>");
                return "Allow " + d.action() + " on " + d.resource() + " and on " + directory + " in a policy of role "
                        + role + " (aws iam list-attached-role-policies --role-name " + role
                        + "; aws iam list-role-policies --role-name " + role + "). Run `" + POLICY_LINT
                        + "` (or with --live) to find the grant that misses it, often a placeholder like "
                        + "workload-identity/agentName-*";
            })
            .conclusive()
            .build();

    static final DiagnosisRule WORKLOAD_TOKEN_GRANT = rule("AC240", "The execution role may not get a workload access token")
            .summary("After validating a token, AgentCore calls GetWorkloadAccessTokenForJWT on the runtime's workload "
                    + "identity; when the role's policy does not allow it (a placeholder ARN, say), the caller gets an empty 403.")
            .on(FORBIDDEN)
            .when(AuthRules::workloadTokenSuspected)
            .cause(AuthRules::workloadTokenCause)
            .next(AuthRules::workloadTokenNext)
            .build();

    static final DiagnosisRule NO_TOKEN_SENT = rule("AC250", "No bearer token for an OAuth runtime")
            .summary("A runtime with a customJWTAuthorizer answers 401 to calls without a bearer token, SigV4-signed ones included.")
            .on(UNAUTHORIZED)
            .when(c -> c.mode() == AuthMode.SIGV4 || c.token().isEmpty())
            .cause(c -> c.runtimeLabel() + " takes OAuth bearer tokens and this request carried none")
            .next("Send a token: --token, AGENTCORE_BEARER_TOKEN, or let the client get one from Cognito "
                    + "(--client-id with --client-secret and --cognito-domain, or --username and --password)")
            .conclusive()
            .build();

    static final DiagnosisRule AUTHORIZER_REJECTED_CLAIM = rule("AC260", "The authorizer rejected a claim with 403")
            .summary("customClaims rules answer 'Authorization denied' as 403; with a token that looks valid, that is "
                    + "the other way an accepted-looking token is refused.")
            .on(FORBIDDEN)
            .when(AuthRules::workloadTokenSuspected)
            .cause("The authorizer rejected a claim and reported it as 403 (customClaims rules answer 'Authorization denied')")
            .next(c -> "Compare the token's claims (--verbose) with " + c.getAgentRuntimeCommand("authorizerConfiguration"))
            .build();

    static final DiagnosisRule TOKEN_NOT_VERIFIED = rule("AC270", "The authorizer could not verify the token")
            .summary("The fallback for a 401 when nothing in the token's claims explains it: a token signed by another "
                    + "issuer, altered, or a claim the authorizer checks that could not be looked up.")
            .on(UNAUTHORIZED)
            .when(c -> c.bearer() && c.token().isPresent() && !TokenRules.anyApplies(c))
            .cause("The authorizer could not verify the token: signed by another issuer, altered, or a claim it checks does not match")
            .next(c -> "Compare the token's claims (--verbose) with "
                    + c.getAgentRuntimeCommand("authorizerConfiguration.customJWTAuthorizer"))
            .build();

    static final DiagnosisRule SIGV4_TO_OAUTH_RUNTIME = rule("AC280", "SigV4 sent to a runtime with a JWT authorizer")
            .summary("The lookup shows a customJWTAuthorizer on the runtime, which refuses SigV4 even when the message says nothing.")
            .on(FORBIDDEN)
            .when(c -> c.mode() == AuthMode.SIGV4 && c.authorizer().isPresent())
            .cause(AuthRules::methodMismatchCause)
            .next(AuthRules::methodMismatchNext)
            .build();

    static final DiagnosisRule CROSS_ACCOUNT = rule("AC285", "A call from another account needs a resource-based policy")
            .summary("A caller in another account than the runtime's needs two grants: its own identity policy, and a "
                    + "resource-based policy on the runtime and on its endpoint (PutResourcePolicy) that allows its "
                    + "account or role. IAM says \"no resource-based policy allows\" when the second is missing.")
            .on(FORBIDDEN)
            .when(c -> c.arn() != null && c.denial().filter(d -> d.deniedBecauseNoResourcePolicy()
                    || d.accountId().filter(account -> !account.equals(c.arn().accountId())).isPresent()).isPresent())
            .cause(c -> {
                AccessDenial d = c.denial().orElseThrow();
                return "A cross-account call: " + d.describePrincipal() + " calls " + c.runtimeLabel() + " of account "
                        + c.arn().accountId() + ", and " + (d.deniedBecauseNoResourcePolicy()
                        ? "no resource-based policy on the runtime allows it" : "the runtime's account must allow it too");
            })
            .next(c -> {
                AccessDenial d = c.denial().orElseThrow();
                String caller = d.accountId().orElse("<caller account id>");
                String region = c.arn().region();
                String endpoint = c.arn().endpointArn(c.qualifier());
                return "In account " + c.arn().accountId() + ", put a resource-based policy on the runtime and on its "
                        + "endpoint (both are checked): aws bedrock-agentcore-control put-resource-policy --region "
                        + region + " --resource-arn " + c.arn() + " --policy file://invoke-policy.json, and the same with "
                        + "--resource-arn " + endpoint + ", where the policy allows Principal {\"AWS\": \"" + caller
                        + "\"} (or the caller's role) the action bedrock-agentcore:InvokeAgentRuntime on that resource. "
                        + "The caller's own identity policy must allow InvokeAgentRuntime on both ARNs as well";
            })
            .build();

    static final DiagnosisRule INVOKE_PERMISSION = rule("AC290", "Your identity may not call InvokeAgentRuntime")
            .summary("SigV4 calls need bedrock-agentcore:InvokeAgentRuntime on the runtime and on the endpoint named by "
                    + "the qualifier; both are checked.")
            .on(FORBIDDEN)
            .when(c -> c.mode() == AuthMode.SIGV4)
            .cause(c -> "Your AWS identity" + c.denial().map(d -> " (" + d.describePrincipal() + ")").orElse("")
                    + " may not call bedrock-agentcore:InvokeAgentRuntime on this runtime")
            .next(c -> "Allow bedrock-agentcore:InvokeAgentRuntime on " + c.arn() + " and on " + c.arn().endpointArn(c.qualifier())
                    + " (both are checked; " + c.arn() + "/* covers every endpoint); `aws sts get-caller-identity` "
                    + "shows which identity the credential chain picked")
            .build();

    static final DiagnosisRule MAY_HAVE_JWT_AUTHORIZER = rule("AC295", "The runtime may have a JWT authorizer")
            .summary("When the runtime cannot be looked up, a SigV4 403 may also be a runtime that takes OAuth only "
                    + "(unless IAM's own text shows that a policy was evaluated).")
            .on(FORBIDDEN)
            .when(c -> c.mode() == AuthMode.SIGV4 && c.denial().isEmpty() && c.authorizer().isEmpty()
                    && c.runtime().found().isEmpty())
            .cause("The runtime may have a JWT authorizer, which refuses SigV4 requests")
            .next(c -> "Check with " + c.getAgentRuntimeCommand("authorizerConfiguration")
                    + "; if it has one, send a bearer token (--token or the Cognito options)")
            .build();

    /** The string of an unset variable, sent as the token ("undefined" from JavaScript, "None" from Python). */
    private static final Set<String> PLACEHOLDER_TOKENS = Set.of("undefined", "null", "none", "nil", "$token");

    /** What the request shows about why the front door found no token or no route; empty when nothing does. */
    private static List<String> missingTokenEvidence(Case c, boolean nextSteps) {
        List<String> found = new ArrayList<>();
        if (c.mode() != AuthMode.SIGV4) {
            if (c.token().isEmpty()) {
                found.add(nextSteps ? "Send a token: --token, AGENTCORE_BEARER_TOKEN, or the Cognito options"
                        : "no bearer token was sent");
            } else if (PLACEHOLDER_TOKENS.contains(c.token().get().value().toLowerCase(Locale.ROOT))) {
                found.add(nextSteps ? "Set the variable the token comes from to the access token itself (or let the "
                        + "client get one: --client-id with --client-secret, or --username)"
                        : "the token sent was the string '" + c.token().get().value() + "', the value of an unset variable");
            } else {
                c.claims().filter(claims -> claims.isExpired(c.now)).ifPresent(claims -> found.add(nextSteps
                        ? "Get a fresh token (the client refreshes Cognito tokens itself with --client-id and --client-secret "
                        + "or --username)" : "the token " + claims.expiryRelativeTo(c.now)));
            }
        }
        String path = c.request().uri().getRawPath() == null ? "" : c.request().uri().getRawPath();
        if (!c.target().direct()) {
            String how = "POST https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<URL-encoded runtime ARN>"
                    + "/invocations?qualifier=<endpoint>";
            if (path.contains("arn:") || path.contains("runtime/")) {
                found.add(nextSteps ? "URL-encode the whole ARN in the path (':' as %3A, '/' as %2F): " + how
                        : "the runtime ARN in the path " + path + " is not URL-encoded");
            } else if (!path.endsWith("/invocations")) {
                found.add(nextSteps ? "Call " + how + "; an --endpoint-url must have no path of its own"
                        : "the URL path " + path + " stops before /invocations");
            }
        }
        return found;
    }

    private static String missingTokenCause(Case c) {
        List<String> evidence = missingTokenEvidence(c, false);
        return evidence.isEmpty()
                ? "The request reached AWS unsigned or at a path that is not an AgentCore operation (AWS's front door "
                + "answered; no AgentCore authorizer looked at it)"
                : "AWS's front door found no usable token or no AgentCore route: " + String.join("; ", evidence);
    }

    private static String missingTokenNext(Case c) {
        List<String> steps = missingTokenEvidence(c, true);
        return steps.isEmpty()
                ? "Check --endpoint-url: it must be the data plane (https://bedrock-agentcore.<region>.amazonaws.com), "
                + "with no path of its own; and that the token (or the SigV4 signature) is sent unchanged by any proxy"
                : String.join("; ", steps);
    }

    /** A bearer call refused with 403 whose token looks fine, or whose message names the workload identity. */
    private static boolean workloadTokenSuspected(Case c) {
        if (!c.bearer()) {
            return false;
        }
        boolean tokenLooksValid = c.claims().isPresent() && !TokenRules.anyApplies(c);
        return tokenLooksValid || c.messageContains("workload");
    }

    private static String methodMismatchCause(Case c) {
        if (c.mode() == AuthMode.SIGV4) {
            return c.runtimeLabel() + " is configured for OAuth (a customJWTAuthorizer), but this request was signed with SigV4";
        }
        return c.runtimeLabel() + " has no JWT authorizer (it takes SigV4, IAM), but this request carried a bearer token";
    }

    private static String methodMismatchNext(Case c) {
        if (c.mode() == AuthMode.SIGV4) {
            return "Send a bearer token instead: --token or AGENTCORE_BEARER_TOKEN, or let the client get one from Cognito "
                    + "(--client-id with --client-secret and --cognito-domain, or --username and --password); the state "
                    + "file's cognito section fills these in";
        }
        return "Drop the token and use --auth sigv4 with AWS credentials (`aws sts get-caller-identity` shows which ones "
                + "the chain finds), or add a customJWTAuthorizer to the runtime";
    }

    private static String workloadIdentity(Case c) {
        RuntimeFacts facts = c.runtime().found().orElse(null);
        return facts != null && facts.workloadIdentityArn() != null ? facts.workloadIdentityArn() : c.arn().workloadIdentityArn();
    }

    private static String workloadTokenCause(Case c) {
        RuntimeFacts facts = c.runtime().found().orElse(null);
        String role = facts != null && facts.roleArn() != null ? "its execution role " + facts.roleArn() : "its execution role";
        return "AgentCore accepted the token, then could not get a workload access token for the runtime: "
                + role + " may not call bedrock-agentcore:GetWorkloadAccessTokenForJWT on " + workloadIdentity(c);
    }

    private static String workloadTokenNext(Case c) {
        RuntimeFacts facts = c.runtime().found().orElse(null);
        String identity = workloadIdentity(c);
        String directory = WorkloadIdentityArn.tryParse(identity).map(WorkloadIdentityArn::directoryArn).orElse(identity);
        String next = "In CloudTrail (event source bedrock-agentcore.amazonaws.com) look for event name "
                + "GetWorkloadAccessTokenForJWT with errorCode AccessDenied at the time of this call; the policy must allow "
                + "it on " + identity + " and on " + directory + ". Run `" + POLICY_LINT
                + "` (or with --live) to find a grant that matches no runtime (a placeholder like workload-identity/agentName-*)";
        if (facts != null && facts.createdAt() != null && ServiceLinkedRole.getsWorkloadTokens(facts.createdAt())) {
            next += ". This runtime was created on " + facts.createdAt() + ", after AWS moved this call to the service-linked "
                    + "role " + ServiceLinkedRole.NAME + ": check that it exists "
                    + "(aws iam get-role --role-name AWSServiceRoleForBedrockAgentCoreRuntimeIdentity)";
        }
        return next;
    }
}
