package dev.agentcore.local.identity;

import java.util.List;
import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.iam.evaluation.AuthorizationRequest;
import dev.agentcore.core.iam.evaluation.Decision;
import dev.agentcore.core.iam.evaluation.PolicyEvaluator;
import dev.agentcore.local.data.IamDirectory;

/**
 * IAM's question for the identity operations, asked as the data plane asks it: the caller's identity policies from
 * the {@link IamDirectory}, the core's {@link PolicyEvaluator}, and IAM's text for the first resource refused.
 *
 * <p>A thin adapter: the data plane's own check ({@code dev.agentcore.local.data.IdentityPolicyCheck}) is
 * package-private. Once it is public this class should delegate to it (or go).
 */
final class CallerPolicy {

    private final IamDirectory iam;

    CallerPolicy(IamDirectory iam) {
        this.iam = iam;
    }

    /** Empty when {@code principal} may perform {@code action} on every one of {@code resources}, else IAM's text. */
    Optional<String> refusal(PrincipalArn principal, String action, List<String> resources) {
        PolicyEvaluator.Builder builder = PolicyEvaluator.builder();
        iam.identityPolicies(principal).forEach(p -> builder.identityPolicy(p.name(), p.document()));
        PolicyEvaluator evaluator = builder.build();
        for (String resource : resources) {
            AuthorizationRequest request = AuthorizationRequest.builder().principal(principal.toString())
                    .action(action).resource(resource).build();
            Decision decision = evaluator.evaluate(request);
            if (!decision.allowed()) {
                return Optional.of(decision.accessDeniedMessage(request));
            }
        }
        return Optional.empty();
    }
}
