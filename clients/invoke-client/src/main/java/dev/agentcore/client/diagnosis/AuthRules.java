package dev.agentcore.client.diagnosis;

import dev.agentcore.core.runtime.ServiceLinkedRole;
import dev.agentcore.core.arn.WorkloadIdentityArn;
import dev.agentcore.client.invoke.AuthMode;
import dev.agentcore.client.report.LikelyCause;
import java.util.ArrayList;
import java.util.List;

/** 401 and 403: the wrong authorization method, a token the authorizer rejects, or a role that lacks a grant. */
final class AuthRules {

    static final String POLICY_LINT = "policy-lint --runtimes .agentcore/state.json <your templates or policies>";

    private AuthRules() {
    }

    static List<LikelyCause> forbidden(Case c) {
        List<LikelyCause> causes = new ArrayList<>();
        if (c.arn() == null) {
            causes.add(localContainer(c));
            return causes;
        }
        if (c.messageContains("Authorization method mismatch")) {
            causes.add(methodMismatch(c));
            return causes;
        }
        if (c.messageContains("Missing Authentication Token")) {
            // The AWS front door answered: the request never reached an AgentCore authorizer.
            causes.add(new LikelyCause("The request reached AWS unsigned or at a path that is not an AgentCore operation",
                    "Check --endpoint-url: it must be the data plane (https://bedrock-agentcore.<region>.amazonaws.com), "
                            + "with no path of its own"));
            if (c.mode() == AuthMode.BEARER) {
                return causes;
            }
        }
        if (c.mode() == AuthMode.BEARER) {
            causes.addAll(TokenChecks.check(c));
            boolean tokenLooksValid = causes.isEmpty() && c.claims().isPresent();
            if (tokenLooksValid || c.messageContains("WorkloadAccessToken") || c.messageContains("workload")) {
                causes.addFirst(workloadAccessToken(c));
                causes.add(new LikelyCause("The authorizer rejected a claim and reported it as 403 (customClaims rules "
                        + "answer 'Authorization denied')", "Compare the token's claims (--verbose) with "
                        + c.getAgentRuntimeCommand("authorizerConfiguration")));
            }
            return causes;
        }
        boolean runtimeHasAuthorizer = c.authorizer().isPresent();
        if (runtimeHasAuthorizer) {
            causes.add(methodMismatch(c));
        }
        causes.add(new LikelyCause("Your AWS identity may not call bedrock-agentcore:InvokeAgentRuntime on this runtime",
                "Allow bedrock-agentcore:InvokeAgentRuntime on " + c.arn() + " and on " + c.arn().endpointArn(c.qualifier())
                        + " (both are checked; " + c.arn() + "/* covers every endpoint); `aws sts get-caller-identity` "
                        + "shows which identity the credential chain picked"));
        if (!runtimeHasAuthorizer && !c.runtime().found().isPresent()) {
            causes.add(new LikelyCause("The runtime may have a JWT authorizer, which refuses SigV4 requests",
                    "Check with " + c.getAgentRuntimeCommand("authorizerConfiguration")
                            + "; if it has one, send a bearer token (--token or the Cognito options)"));
        }
        return causes;
    }

    static List<LikelyCause> unauthorized(Case c) {
        List<LikelyCause> causes = new ArrayList<>();
        if (c.arn() == null) {
            causes.add(localContainer(c));
            return causes;
        }
        if (c.mode() == AuthMode.SIGV4 || c.context.bearerToken().isEmpty()) {
            causes.add(new LikelyCause(c.runtimeLabel() + " takes OAuth bearer tokens and this request carried none",
                    "Send a token: --token, AGENTCORE_BEARER_TOKEN, or let the client get one from Cognito "
                            + "(--client-id with --client-secret and --cognito-domain, or --username and --password)"));
            return causes;
        }
        causes.addAll(TokenChecks.check(c));
        if (causes.isEmpty()) {
            causes.add(new LikelyCause("The authorizer could not verify the token: signed by another issuer, altered, "
                    + "or a claim it checks does not match", "Compare the token's claims (--verbose) with "
                    + c.getAgentRuntimeCommand("authorizerConfiguration.customJWTAuthorizer")));
        }
        return causes;
    }

    /** A container called directly has no AgentCore authorizer in front: its own code answered. */
    private static LikelyCause localContainer(Case c) {
        return new LikelyCause("The local container itself refused the call with " + c.status()
                + " (no AgentCore authorizer runs in front of a local container)",
                "Check the agent's own authentication settings and its log; AgentCore passes nothing like this to a "
                        + "container unless Authorization is in the runtime's requestHeaderAllowlist");
    }

    private static LikelyCause methodMismatch(Case c) {
        if (c.mode() == AuthMode.SIGV4) {
            return new LikelyCause(c.runtimeLabel() + " is configured for OAuth (a customJWTAuthorizer), but this "
                    + "request was signed with SigV4", "Send a bearer token instead: --token or AGENTCORE_BEARER_TOKEN, "
                    + "or let the client get one from Cognito (--client-id with --client-secret and --cognito-domain, or "
                    + "--username and --password); the state file's cognito section fills these in");
        }
        return new LikelyCause(c.runtimeLabel() + " has no JWT authorizer (it takes SigV4, IAM), but this request "
                + "carried a bearer token", "Drop the token and use --auth sigv4 with AWS credentials "
                + "(`aws sts get-caller-identity` shows which ones the chain finds), or add a customJWTAuthorizer to the runtime");
    }

    private static LikelyCause workloadAccessToken(Case c) {
        RuntimeFacts facts = c.runtime().found().orElse(null);
        String identity = facts != null && facts.workloadIdentityArn() != null ? facts.workloadIdentityArn()
                : c.arn().workloadIdentityArn();
        String role = facts != null && facts.roleArn() != null ? "its execution role " + facts.roleArn() : "its execution role";
        String directory = WorkloadIdentityArn.tryParse(identity).map(WorkloadIdentityArn::directoryArn).orElse(identity);
        String cause = "AgentCore accepted the token, then could not get a workload access token for the runtime: "
                + role + " may not call bedrock-agentcore:GetWorkloadAccessTokenForJWT on " + identity;
        String next = "In CloudTrail (event source bedrock-agentcore.amazonaws.com) look for event name "
                + "GetWorkloadAccessTokenForJWT with errorCode AccessDenied at the time of this call; the policy must allow "
                + "it on " + identity + " and on " + directory + ". Run `" + POLICY_LINT
                + "` (or with --live) to find a grant that matches no runtime (a placeholder like workload-identity/agentName-*)";
        if (facts != null && facts.createdAt() != null && ServiceLinkedRole.getsWorkloadTokens(facts.createdAt())) {
            next += ". This runtime was created on " + facts.createdAt() + ", after AWS moved this call to the service-linked "
                    + "role " + ServiceLinkedRole.NAME + ": check that it exists "
                    + "(aws iam get-role --role-name AWSServiceRoleForBedrockAgentCoreRuntimeIdentity)";
        }
        return new LikelyCause(cause, next);
    }
}
