package dev.agentcore.client.diagnosis;

import dev.agentcore.client.http.AwsError;
import dev.agentcore.core.arn.AgentCoreArns;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.arns.Arn;

/**
 * IAM's own refusal text, when AgentCore passes it on: "User: {principal} is not authorized to perform: {action} on
 * resource: {resource} because {reason}". It names who was refused, what, and on which resource, which is more than
 * any guess.
 *
 * @param reason what follows the resource ("no identity-based policy allows the ... action", "no resource-based policy
 *               allows ...", "with an explicit deny in ..."), without "because"; empty when IAM gave none
 */
record AccessDenial(String principal, String action, String resource, String reason) {

    private static final Pattern TEXT = Pattern.compile(
            "User: (\\S+) is not authorized to perform: (\\S+) on resource: (\\S+)(.*)", Pattern.DOTALL);

    static Optional<AccessDenial> from(AwsError error) {
        if (error.message() == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(error.message().strip());
        if (!m.find()) {
            return Optional.empty();
        }
        String resource = m.group(3).endsWith(".") ? m.group(3).substring(0, m.group(3).length() - 1) : m.group(3);
        String reason = m.group(4).strip();
        reason = reason.startsWith("because ") ? reason.substring("because ".length()) : reason;
        return Optional.of(new AccessDenial(m.group(1), m.group(2), resource,
                reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason));
    }

    /** The principal's components (split by the core; IAM principals are ARNs of sts or iam). */
    private Optional<Arn> principalArn() {
        return AgentCoreArns.split(principal);
    }

    /** The account the refused principal belongs to. */
    Optional<String> accountId() {
        return principalArn().flatMap(Arn::accountId);
    }

    /** The role behind an {@code assumed-role/ROLE/SESSION} principal (or a {@code role/ROLE} one). */
    Optional<String> roleName() {
        return principalArn().filter(a -> a.resource().resourceType().filter(t -> t.equals("assumed-role")
                        || t.equals("role")).isPresent())
                .map(a -> a.resource().resource());
    }

    boolean deniedBecauseNoResourcePolicy() {
        return reason.contains("no resource-based policy allows");
    }

    /** "role ROLE in account 123456789012", or the principal as IAM wrote it. */
    String describePrincipal() {
        return roleName().map(role -> "role " + role + accountId().map(a -> " in account " + a).orElse(""))
                .orElse(principal);
    }
}
