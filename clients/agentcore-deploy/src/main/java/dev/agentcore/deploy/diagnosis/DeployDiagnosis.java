package dev.agentcore.deploy.diagnosis;

import java.util.List;

/** What went wrong in a deploy step: the failure as received and the causes the rules found, in rank order. */
public record DeployDiagnosis(DeployFailure failure, List<Cause> causes) {

    /** One likely cause: the rule's id, what happened, and the next step. */
    public record Cause(String ruleId, String cause, String nextStep) {
    }

    public DeployDiagnosis {
        causes = List.copyOf(causes);
    }

    /**
     * The SDK's credential-chain failure lists every provider it tried on one 1,500-character line; the first clause
     * says what matters.
     */
    static String shortened(String message) {
        int chain = message.indexOf(" : [");
        return chain > 0 && message.length() > 300 ? message.substring(0, chain) + " (the chain tried every provider)"
                : message;
    }

    /** The report: the failure in one line, then each cause with its rule id and next step. */
    public String render() {
        StringBuilder text = new StringBuilder();
        text.append(failure.step()).append(" failed");
        failure.resource().ifPresent(r -> text.append(" at ").append(r));
        text.append(": ").append(failure.errorCode().isEmpty() ? "" : failure.errorCode() + ": ")
                .append(shortened(failure.message().strip())).append('\n');
        if (causes.isEmpty()) {
            text.append("  no known cause matched; the message above is AWS's own\n");
        }
        for (Cause cause : causes) {
            text.append("  [").append(cause.ruleId()).append("] ").append(cause.cause()).append('\n')
                    .append("      next: ").append(cause.nextStep()).append('\n');
        }
        return text.toString();
    }
}
