package dev.agentcore.client.report;

import java.util.Objects;

/**
 * One likely cause of a failure and the next step that checks or fixes it. Made only by a {@link CauseRule}.
 *
 * @param ruleId the diagnosis rule that found it ({@code AC240}, listed in docs/clients/diagnoses.md)
 */
public record LikelyCause(String cause, String nextStep, String ruleId) {

    public LikelyCause {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(nextStep, "nextStep");
        RuleArea.of(ruleId); // every cause names a documented rule: AC and three digits
    }
}
