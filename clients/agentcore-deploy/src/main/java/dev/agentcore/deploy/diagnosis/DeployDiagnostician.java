package dev.agentcore.deploy.diagnosis;

import java.util.Optional;
import java.util.function.Function;

/**
 * Diagnoses a deploy failure: looks up what the error does not say (the trust policy of the role it names, through
 * IAM) and runs the rules.
 */
public final class DeployDiagnostician {

    private final Function<String, Optional<String>> trustPolicyOfRole;

    /** {@code trustPolicyOfRole}: the trust policy document of a role ARN, empty when it cannot be read. */
    public DeployDiagnostician(Function<String, Optional<String>> trustPolicyOfRole) {
        this.trustPolicyOfRole = trustPolicyOfRole;
    }

    public DeployDiagnosis diagnose(DeployFailure failure) {
        DeployFailure withFacts = failure;
        if (failure.trustPolicy().isEmpty() && failure.says("role")) {
            Optional<String> policy = failure.roleArn().flatMap(arn -> {
                try {
                    return trustPolicyOfRole.apply(arn);
                } catch (RuntimeException unreadable) {
                    return Optional.empty(); // a fact we could not read rules nothing out
                }
            });
            if (policy.isPresent()) {
                withFacts = failure.withTrustPolicy(policy.get());
            }
        }
        return DeployDiagnosisRules.diagnose(withFacts);
    }
}
