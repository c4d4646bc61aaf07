package dev.agentcore.client.diagnosis;

import dev.agentcore.client.http.AwsError;
import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.iam.AccessDeniedMessage;
import java.util.Optional;

/**
 * IAM's own refusal text, when AgentCore passes it on (read by the core's {@link AccessDeniedMessage}). It names who
 * was refused, what, and on which resource, which is more than any guess.
 */
record AccessDenial(AccessDeniedMessage message) {

    static Optional<AccessDenial> from(AwsError error) {
        return AccessDeniedMessage.parse(error.message()).map(AccessDenial::new);
    }

    String principal() {
        return message.principal();
    }

    String action() {
        return message.action();
    }

    String resource() {
        return message.resource();
    }

    String reason() {
        return message.reason();
    }

    /** The account the refused principal belongs to. */
    Optional<String> accountId() {
        return PrincipalArn.parse(principal()).map(PrincipalArn::accountId);
    }

    /** The role behind an {@code assumed-role/ROLE/SESSION} principal (or a {@code role/ROLE} one). */
    Optional<String> roleName() {
        return PrincipalArn.parse(principal()).flatMap(PrincipalArn::roleName);
    }

    boolean deniedBecauseNoResourcePolicy() {
        return reason().contains("no resource-based policy allows");
    }

    /** "role ROLE in account 123456789012", or the principal as IAM wrote it. */
    String describePrincipal() {
        return roleName().map(role -> "role " + role + accountId().map(a -> " in account " + a).orElse(""))
                .orElse(principal());
    }
}
