package dev.agentcore.client.report;

import java.util.Optional;

/**
 * One likely cause of a failure and the next step that checks or fixes it.
 *
 * @param ruleId the diagnosis rule that found it ({@code AC240}, listed in docs/clients/diagnoses.md); null for causes
 *               that no rule names (a token endpoint's refusal, a missing credential chain)
 */
public record LikelyCause(String cause, String nextStep, String ruleId) {

    /** A cause that no diagnosis rule names. */
    public LikelyCause(String cause, String nextStep) {
        this(cause, nextStep, null);
    }

    public Optional<String> rule() {
        return Optional.ofNullable(ruleId);
    }
}
