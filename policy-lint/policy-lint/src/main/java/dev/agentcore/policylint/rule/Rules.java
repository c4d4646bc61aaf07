package dev.agentcore.policylint.rule;

import java.util.List;
import java.util.Optional;

/** Every rule, in id order. The documentation's rule list is generated from this list. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new ParseError(),
            new UnresolvedValue(),
            new DuplicateKeys(),
            new PlaceholderResource(),
            new DeadRuntimeGrant(),
            new MissingWorkloadTokenGrant(),
            new TrustPrincipal(),
            new TrustConfusedDeputy(),
            new UnknownAction(),
            new ActionResourceMismatch(),
            new MalformedArn(),
            new UnsubstitutedVariable(),
            new HardcodedAccountId(),
            new ServiceWildcardAction(),
            new WildcardResourceSensitiveAction(),
            new SuppressionWithoutReason(),
            new UnknownSuppressedRule());

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<RuleInfo> info(String id) {
        return ALL.stream().map(Rule::info).filter(i -> i.id().equals(id)).findFirst();
    }
}
