package dev.agentcore.core.arn;

import java.util.Optional;

import software.amazon.awssdk.arns.Arn;

/**
 * The ARN of an IAM principal as IAM writes it in a refusal or in {@code aws:PrincipalArn}: an account root
 * ({@code arn:aws:iam::123456789012:root}), a user, a role, or a role session
 * ({@code arn:aws:sts::123456789012:assumed-role/ROLE/SESSION}, what a runtime's execution role acts as).
 */
public record PrincipalArn(String partition, String accountId, Kind kind, String path, String name, String session) {

    public enum Kind {
        ROOT, USER, ROLE, ASSUMED_ROLE, FEDERATED_USER
    }

    /** The session a role acts in, as STS names it: {@code arn:<partition>:sts::<account>:assumed-role/ROLE/SESSION}. */
    public static PrincipalArn assumedRole(String roleArn, String session) {
        PrincipalArn role = parse(roleArn).filter(p -> p.kind() == Kind.ROLE)
                .orElseThrow(() -> new IllegalArgumentException("'" + roleArn + "' is not an IAM role ARN"));
        // STS leaves the role's path out of a session's ARN.
        return new PrincipalArn(role.partition(), role.accountId(), Kind.ASSUMED_ROLE, "/", role.name(), session);
    }

    /** The principal {@code text} names, or empty when it is no IAM or STS principal ARN. */
    public static Optional<PrincipalArn> parse(String text) {
        return AgentCoreArns.split(text).flatMap(PrincipalArn::from);
    }

    private static Optional<PrincipalArn> from(Arn a) {
        String account = a.accountId().orElse("");
        String resource = a.resourceAsString();
        if (!AgentCoreArns.isAccountId(account)) {
            return Optional.empty();
        }
        if (a.service().equals("iam") && resource.equals("root")) {
            return Optional.of(new PrincipalArn(a.partition(), account, Kind.ROOT, "/", null, null));
        }
        if (a.service().equals("iam") && (resource.startsWith("role/") || resource.startsWith("user/"))) {
            // Paths (role/service-role/NAME) are part of the ARN, not of the name.
            int slash = resource.indexOf('/');
            int last = resource.lastIndexOf('/');
            String name = resource.substring(last + 1);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PrincipalArn(a.partition(), account,
                    resource.startsWith("role/") ? Kind.ROLE : Kind.USER, resource.substring(slash, last + 1), name, null));
        }
        if (a.service().equals("sts") && resource.startsWith("assumed-role/")) {
            String[] parts = resource.split("/", -1);
            if (parts.length == 3 && !parts[1].isEmpty() && !parts[2].isEmpty()) {
                return Optional.of(new PrincipalArn(a.partition(), account, Kind.ASSUMED_ROLE, "/", parts[1], parts[2]));
            }
        }
        if (a.service().equals("sts") && resource.startsWith("federated-user/")) {
            String name = resource.substring("federated-user/".length());
            return name.isEmpty() || name.contains("/") ? Optional.empty()
                    : Optional.of(new PrincipalArn(a.partition(), account, Kind.FEDERATED_USER, "/", name, null));
        }
        return Optional.empty();
    }

    /** The role behind a role or a role session. */
    public Optional<String> roleName() {
        return kind == Kind.ROLE || kind == Kind.ASSUMED_ROLE ? Optional.of(name) : Optional.empty();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ROOT -> "arn:" + partition + ":iam::" + accountId + ":root";
            case USER -> "arn:" + partition + ":iam::" + accountId + ":user" + path + name;
            case ROLE -> "arn:" + partition + ":iam::" + accountId + ":role" + path + name;
            case ASSUMED_ROLE -> "arn:" + partition + ":sts::" + accountId + ":assumed-role/" + name + "/" + session;
            case FEDERATED_USER -> "arn:" + partition + ":sts::" + accountId + ":federated-user/" + name;
        };
    }
}
