package dev.agentcore.core.iam.evaluation;

import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;

/**
 * Who makes the request. The kind matters to IAM: a resource-based policy may name the caller itself, its role, its
 * account or everyone, and each of those grants is limited by different policy types.
 */
public sealed interface Caller {

    /** The text AWS prints after "User:" in an AccessDenied message. */
    String name();

    /** The caller's account, empty for service and web-identity principals. */
    default Optional<String> account() {
        return Optional.empty();
    }

    /** {@code arn:aws:iam::123456789012:root} */
    record AccountRoot(String partition, String accountId) implements Caller {
        @Override
        public String name() {
            return "arn:" + partition + ":iam::" + accountId + ":root";
        }

        @Override
        public Optional<String> account() {
            return Optional.of(accountId);
        }
    }

    /** {@code arn:aws:iam::123456789012:user/path/Bob} */
    record IamUser(String arn, String partition, String accountId, String userName) implements Caller {
        @Override
        public String name() {
            return arn;
        }

        @Override
        public Optional<String> account() {
            return Optional.of(accountId);
        }
    }

    /**
     * {@code arn:aws:iam::123456789012:role/path/name}: the role itself. On AWS a request is always made by a session
     * of the role; this kind is for callers that evaluate "as the role" and have no session name.
     */
    record IamRole(String arn, String partition, String accountId, String roleName) implements Caller {
        @Override
        public String name() {
            return arn;
        }

        @Override
        public Optional<String> account() {
            return Optional.of(accountId);
        }
    }

    /** {@code arn:aws:sts::123456789012:assumed-role/name/session}: what a role's credentials sign as. */
    record RoleSession(String arn, String partition, String accountId, String roleName, String sessionName)
            implements Caller {
        @Override
        public String name() {
            return arn;
        }

        @Override
        public Optional<String> account() {
            return Optional.of(accountId);
        }

        /** The role's ARN without its path (the session ARN does not carry it). */
        public String roleArnWithoutPath() {
            return "arn:" + partition + ":iam::" + accountId + ":role/" + roleName;
        }
    }

    /** {@code arn:aws:sts::123456789012:federated-user/name} (GetFederationToken). */
    record FederatedUser(String arn, String partition, String accountId, String userName) implements Caller {
        @Override
        public String name() {
            return arn;
        }

        @Override
        public Optional<String> account() {
            return Optional.of(accountId);
        }
    }

    /** An AWS service acting as itself, such as {@code bedrock-agentcore.amazonaws.com} assuming an execution role. */
    record ServicePrincipal(String service) implements Caller {
        @Override
        public String name() {
            return service;
        }
    }

    /** A web identity or SAML provider ({@code cognito-identity.amazonaws.com}, an OIDC provider ARN): the {@code Federated} principal kind. */
    record WebIdentity(String provider) implements Caller {
        @Override
        public String name() {
            return provider;
        }
    }

    static Caller service(String service) {
        return new ServicePrincipal(service);
    }

    static Caller webIdentity(String provider) {
        return new WebIdentity(provider);
    }

    /**
     * The caller named by {@code text}: an IAM user, role, assumed-role session, federated-user or root ARN, a
     * 12-digit account id (its root), or a service principal name ({@code something.amazonaws.com}).
     *
     * @throws IllegalArgumentException saying what is wrong with {@code text}
     */
    static Caller parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("principal is empty");
        }
        if (text.length() == 12 && text.chars().allMatch(Character::isDigit)) {
            return new AccountRoot("aws", text);
        }
        if (!text.startsWith("arn:")) {
            if (text.indexOf('.') > 0 && text.indexOf(':') < 0 && text.indexOf('/') < 0) {
                return new ServicePrincipal(text);
            }
            throw new IllegalArgumentException("principal '" + text
                    + "' is neither an ARN, an account id nor a service principal (such as bedrock-agentcore.amazonaws.com)");
        }
        PrincipalArn p = PrincipalArn.parse(text).orElseThrow(() -> new IllegalArgumentException("principal '" + text
                + "' is not a user, role, assumed-role session (assumed-role/ROLE-NAME/SESSION-NAME), federated user"
                + " or root ARN"));
        return switch (p.kind()) {
            case ROOT -> new AccountRoot(p.partition(), p.accountId());
            case USER -> new IamUser(text, p.partition(), p.accountId(), p.name());
            case ROLE -> new IamRole(text, p.partition(), p.accountId(), p.name());
            case ASSUMED_ROLE -> new RoleSession(text, p.partition(), p.accountId(), p.name(), p.session());
            case FEDERATED_USER -> new FederatedUser(text, p.partition(), p.accountId(), p.name());
        };
    }
}
