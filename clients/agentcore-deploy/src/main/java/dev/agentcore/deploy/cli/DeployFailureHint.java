package dev.agentcore.deploy.cli;

import dev.agentcore.deploy.diagnosis.DeployDiagnosisRules;
import dev.agentcore.deploy.diagnosis.DeployFailure;

/** The next step for a failure the deploy found after the stacks (a smoke call): the first rule's, or a general one. */
final class DeployFailureHint {

    private DeployFailureHint() {
    }

    static String of(String message, String region) {
        var diagnosis = DeployDiagnosisRules.diagnose(DeployFailure.of("smoke call", "", message, region));
        return diagnosis.causes().isEmpty()
                ? "agentcore-invoke (clients/agentcore-cli) diagnoses a failing call: agentcore-invoke agent|mcp NAME"
                : "[" + diagnosis.causes().getFirst().ruleId() + "] " + diagnosis.causes().getFirst().cause() + "; " + diagnosis.causes().getFirst().nextStep();
    }
}
