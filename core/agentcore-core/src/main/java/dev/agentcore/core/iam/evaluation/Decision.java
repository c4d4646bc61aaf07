package dev.agentcore.core.iam.evaluation;

import java.util.List;
import java.util.Optional;

import dev.agentcore.core.iam.AccessDeniedMessage;

/**
 * The answer to one request, with what decided it.
 *
 * @param outcome            allow, explicit deny or implicit deny
 * @param decidingStatements for {@link Outcome#ALLOW} the Allow statements that applied; for
 *                           {@link Outcome#EXPLICIT_DENY} the Deny statements that applied; empty for an implicit deny
 * @param missingAllow       for {@link Outcome#IMPLICIT_DENY}, the policy type that had no applicable Allow and had to
 *                           (what AWS names in "because no ... allows")
 * @param nearMisses         for {@link Outcome#IMPLICIT_DENY}, the Allow statements that cover the action but did not
 *                           apply, and why
 * @param notes              statements skipped for a reason worth telling (an unknown operator, a variable without a
 *                           value)
 */
public record Decision(Outcome outcome, List<StatementRef> decidingStatements, Optional<PolicyType> missingAllow,
        List<NearMiss> nearMisses, List<EvaluationNote> notes) {

    public Decision {
        decidingStatements = List.copyOf(decidingStatements);
        nearMisses = List.copyOf(nearMisses);
        notes = List.copyOf(notes);
        if (outcome == Outcome.IMPLICIT_DENY && missingAllow.isEmpty()) {
            throw new IllegalArgumentException("an implicit deny names the policy type that did not allow");
        }
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }

    /**
     * The AccessDenied message AWS writes for this denial: "User: ARN is not authorized to perform: ACTION on
     * resource: ARN because no identity-based policy allows the ACTION action", or "... with an explicit deny in an
     * identity-based policy".
     *
     * @throws IllegalStateException when the request was allowed
     */
    public String accessDeniedMessage(AuthorizationRequest request) {
        String who = request.caller().name();
        return switch (outcome) {
            case EXPLICIT_DENY -> AccessDeniedMessage.explicitDeny(who, request.action(), request.resource(),
                    decidingStatements.getFirst().policyType().wording()).text();
            case IMPLICIT_DENY -> AccessDeniedMessage.noPolicyAllows(who, request.action(), request.resource(),
                    missingAllow.orElseThrow().wording()).text();
            case ALLOW -> throw new IllegalStateException("the request was allowed: " + request);
        };
    }
}
