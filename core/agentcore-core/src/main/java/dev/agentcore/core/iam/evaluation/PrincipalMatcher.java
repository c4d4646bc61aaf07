package dev.agentcore.core.iam.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.agentcore.core.iam.Principal;

/**
 * A statement's {@code Principal} or {@code NotPrincipal}, compiled. IAM takes no wildcards here except {@code "*"}
 * for everyone; an account may be written as its id or as {@code arn:...:iam::ID:root}; a role ARN covers every
 * session of the role (its path is not part of the session ARN, so roles are compared by partition, account and
 * name).
 */
final class PrincipalMatcher {

    private record RoleName(String partition, String account, String name) {
    }

    private final boolean everyone;
    private final Set<String> accounts = new HashSet<>();
    private final Set<RoleName> roles = new HashSet<>();
    private final Set<String> exact = new HashSet<>();
    private final Set<String> services = new HashSet<>();
    private final Set<String> federated = new HashSet<>();

    private PrincipalMatcher(boolean everyone) {
        this.everyone = everyone;
    }

    static PrincipalMatcher compile(Principal principal, ProblemSink problems) {
        PrincipalMatcher m = new PrincipalMatcher(principal.everyone());
        for (Map.Entry<String, List<String>> e : principal.byKind().entrySet()) {
            String kind = e.getKey();
            for (String value : e.getValue()) {
                if (value == null) {
                    continue;
                }
                switch (kind) {
                    case "AWS" -> m.addAws(value.trim());
                    case "Service" -> m.services.add(value.trim());
                    case "Federated" -> m.federated.add(value.trim());
                    default -> problems.report(EvaluationNote.Kind.UNSUPPORTED_PRINCIPAL,
                            "principal kind '" + kind + "' (" + value + ") never matches a caller here");
                }
            }
        }
        return m;
    }

    private void addAws(String value) {
        if (value.equals("*")) {
            exact.add("*");
            return;
        }
        if (value.length() == 12 && value.chars().allMatch(Character::isDigit)) {
            accounts.add(value);
            return;
        }
        String[] parts = value.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam")) {
            if (parts[5].equals("root")) {
                accounts.add(parts[4]);
                return;
            }
            if (parts[5].startsWith("role/")) {
                roles.add(new RoleName(parts[1], parts[4], parts[5].substring(parts[5].lastIndexOf('/') + 1)));
                return;
            }
        }
        exact.add(value);
    }

    private boolean everyone() {
        return everyone || exact.contains("*");
    }

    /** The strongest grant this Principal gives {@code caller}, or null when it does not name it. */
    GrantKind grantFor(Caller caller) {
        if (everyone()) {
            return GrantKind.DIRECT;
        }
        GrantKind best = switch (caller) {
            case Caller.ServicePrincipal s -> services.contains(s.service()) ? GrantKind.DIRECT : null;
            case Caller.WebIdentity w -> federated.contains(w.provider()) ? GrantKind.DIRECT : null;
            case Caller.AccountRoot r -> accounts.contains(r.accountId()) ? GrantKind.DIRECT : null;
            case Caller.IamUser u -> exact.contains(u.arn()) ? GrantKind.DIRECT : null;
            case Caller.FederatedUser f -> exact.contains(f.arn()) ? GrantKind.DIRECT : null;
            case Caller.RoleSession s -> exact.contains(s.arn()) ? GrantKind.DIRECT
                    : roles.contains(new RoleName(s.partition(), s.accountId(), s.roleName())) ? GrantKind.ROLE : null;
            case Caller.IamRole r -> roles.contains(new RoleName(r.partition(), r.accountId(), r.roleName()))
                    ? GrantKind.ROLE : null;
        };
        if (best == null && caller.account().filter(accounts::contains).isPresent()) {
            return GrantKind.ACCOUNT;
        }
        return best;
    }

    /**
     * For {@code NotPrincipal}: true when every identity the caller acts as is listed. AWS "might validate the account
     * first, then the role, and then the assumed-role user", so a caller is excluded only when its account, its role
     * and itself are all named (IAM User Guide, "AWS JSON policy elements: NotPrincipal").
     */
    boolean listsEveryIdentityOf(Caller caller) {
        if (everyone()) {
            return true;
        }
        return switch (caller) {
            case Caller.ServicePrincipal s -> services.contains(s.service());
            case Caller.WebIdentity w -> federated.contains(w.provider());
            case Caller.AccountRoot r -> accounts.contains(r.accountId());
            case Caller.IamUser u -> accounts.contains(u.accountId()) && exact.contains(u.arn());
            case Caller.FederatedUser f -> accounts.contains(f.accountId()) && exact.contains(f.arn());
            case Caller.IamRole r -> accounts.contains(r.accountId())
                    && roles.contains(new RoleName(r.partition(), r.accountId(), r.roleName()));
            case Caller.RoleSession s -> accounts.contains(s.accountId())
                    && roles.contains(new RoleName(s.partition(), s.accountId(), s.roleName()))
                    && exact.contains(s.arn());
        };
    }
}
