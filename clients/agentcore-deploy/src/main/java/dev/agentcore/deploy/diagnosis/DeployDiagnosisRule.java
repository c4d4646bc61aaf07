package dev.agentcore.deploy.diagnosis;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One deploy-time failure the tool recognises: an id ({@code DP110}), a title for the generated page
 * (docs/clients/deploy-diagnoses.md), when it applies, and what it says: the cause and the next step, both worded
 * from the failure itself. {@code explain} answers empty when a closer look (the role's trust policy, say) rules it
 * out.
 */
public record DeployDiagnosisRule(String id, String title, String when, Predicate<DeployFailure> applies,
                                  Function<DeployFailure, Optional<DeployDiagnosis.Cause>> explain) {

    static DeployDiagnosisRule of(String id, String title, String when, Predicate<DeployFailure> applies,
                                  Function<DeployFailure, String> cause, Function<DeployFailure, String> nextStep) {
        return new DeployDiagnosisRule(id, title, when, applies,
                failure -> Optional.of(new DeployDiagnosis.Cause(id, cause.apply(failure), nextStep.apply(failure))));
    }

    Optional<DeployDiagnosis.Cause> diagnose(DeployFailure failure) {
        return applies.test(failure) ? explain.apply(failure) : Optional.empty();
    }
}
