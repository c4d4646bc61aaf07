package dev.agentcore.core.iam;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM's refusal, as AWS services pass it on in an {@code AccessDeniedException}: "User: {principal} is not authorized
 * to perform: {action} on resource: {resource} because {reason}". The clients read it to name who was refused, what and
 * where; the local AgentCore writes it, so a local refusal reads as AWS's does.
 *
 * @param reason what follows the resource, without "because" and the final full stop ("no identity-based policy
 *               allows the bedrock-agentcore:X action", "with an explicit deny in an identity-based policy"); empty
 *               when IAM gave none
 */
public record AccessDeniedMessage(String principal, String action, String resource, String reason) {

    private static final Pattern TEXT = Pattern.compile(
            "User: (\\S+) is not authorized to perform: (\\S+) on resource: (\\S+)(.*)", Pattern.DOTALL);

    /** The refusal IAM writes when no identity-based policy allows the action. */
    public static AccessDeniedMessage noIdentityPolicyAllows(String principal, String action, String resource) {
        return noPolicyAllows(principal, action, resource, "identity-based policy");
    }

    /** "... because no {policyKind} allows the {action} action" ({@code policyKind}: "resource-based policy", ...). */
    public static AccessDeniedMessage noPolicyAllows(String principal, String action, String resource, String policyKind) {
        return new AccessDeniedMessage(principal, action, resource, "no " + policyKind + " allows the " + action
                + " action");
    }

    /** "... with an explicit deny in an identity-based policy": IAM writes no "because" before it. */
    public static AccessDeniedMessage explicitDeny(String principal, String action, String resource, String policyKind) {
        String article = policyKind.matches("(?i)[aeiou].*") ? "an " : "a ";
        return new AccessDeniedMessage(principal, action, resource, "with an explicit deny in " + article + policyKind);
    }

    /** The refusal {@code message} holds, or empty when it is not IAM's text. */
    public static Optional<AccessDeniedMessage> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(message.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        String resource = stripStop(m.group(3));
        String reason = m.group(4).strip();
        reason = reason.startsWith("because ") ? reason.substring("because ".length()) : reason;
        return Optional.of(new AccessDeniedMessage(m.group(1), m.group(2), resource, stripStop(reason)));
    }

    private static String stripStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** The text as IAM writes it. */
    public String text() {
        String tail = reason.isEmpty() ? "" : reason.startsWith("with ") ? " " + reason : " because " + reason;
        return "User: " + principal + " is not authorized to perform: " + action + " on resource: " + resource + tail;
    }
}
