package dev.agentcore.local.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.iam.evaluation.AuthorizationRequest;
import dev.agentcore.core.iam.evaluation.Decision;
import dev.agentcore.core.iam.evaluation.PolicyEvaluator;

/**
 * Asks IAM's question with the core's evaluator: may {@code principal}, by its identity-based policies from the
 * {@link IamDirectory}, perform {@code action} on every one of {@code resources}? The answer to a refusal is IAM's own
 * text for the first resource refused. The data plane and the identity operations both ask it.
 */
public final class IdentityPolicyCheck {

    private final IamDirectory iam;

    public IdentityPolicyCheck(IamDirectory iam) {
        this.iam = iam;
    }

    /** Empty when allowed on every resource, else IAM's AccessDenied text for the first one refused. */
    public Optional<String> refusal(PrincipalArn principal, String action, List<String> resources) {
        return refusal(principal, action, resources, Map.of());
    }

    /** As above, with the condition keys the service sets on the request. */
    public Optional<String> refusal(PrincipalArn principal, String action, List<String> resources,
                                    Map<String, List<String>> context) {
        PolicyEvaluator.Builder builder = PolicyEvaluator.builder();
        iam.identityPolicies(principal).forEach(p -> builder.identityPolicy(p.name(), p.document()));
        PolicyEvaluator evaluator = builder.build();
        for (String resource : resources) {
            AuthorizationRequest request = AuthorizationRequest.builder().principal(principal.toString())
                    .action(action).resource(resource).context(context).build();
            Decision decision = evaluator.evaluate(request);
            if (!decision.allowed()) {
                return Optional.of(decision.accessDeniedMessage(request));
            }
        }
        return Optional.empty();
    }
}
