package dev.agentcore.core.iam.evaluation;

import dev.agentcore.core.iam.WildcardPattern;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.agentcore.core.iam.Effect;
import dev.agentcore.core.iam.Statement;

/** One statement with every pattern, principal and condition compiled, so that evaluating it allocates (almost) nothing. */
final class CompiledStatement {

    private final StatementRef ref;
    private final Effect effect;
    private final WildcardPattern[] actions;
    private final boolean notAction;
    private final ArnGlob[] resources;
    private final boolean notResource;
    /** A resource-based statement without Resource: it is about the resource the policy is attached to. */
    private final boolean attachedResource;
    private final PrincipalMatcher principal;
    private final boolean notPrincipal;
    private final ConditionClause[] conditions;
    /** Why the statement can never apply (a missing element, an operator IAM does not have), or null. */
    private final String neverApplies;
    private final boolean unsupportedCondition;

    private CompiledStatement(Builder b) {
        this.ref = b.ref;
        this.effect = b.effect;
        this.actions = b.actions;
        this.notAction = b.notAction;
        this.resources = b.resources;
        this.notResource = b.notResource;
        this.attachedResource = b.attachedResource;
        this.principal = b.principal;
        this.notPrincipal = b.notPrincipal;
        this.conditions = b.conditions;
        this.neverApplies = b.neverApplies;
        this.unsupportedCondition = b.unsupportedCondition;
    }

    private static final class Builder {
        StatementRef ref;
        Effect effect;
        WildcardPattern[] actions = new WildcardPattern[0];
        boolean notAction;
        ArnGlob[] resources = new ArnGlob[0];
        boolean notResource;
        boolean attachedResource;
        PrincipalMatcher principal;
        boolean notPrincipal;
        ConditionClause[] conditions = new ConditionClause[0];
        String neverApplies;
        boolean unsupportedCondition;

        void never(String why) {
            if (neverApplies == null) {
                neverApplies = why;
            }
        }
    }

    static CompiledStatement compile(Statement s, StatementRef ref, boolean variables, List<EvaluationNote> problems) {
        ProblemSink sink = (kind, detail) -> problems.add(new EvaluationNote(ref, kind, detail));
        boolean resourceBased = ref.policyType() == PolicyType.RESOURCE;
        Builder b = new Builder();
        b.ref = ref;
        b.effect = s.effect();
        if (s.effect() == null) {
            b.never("no Effect");
        }

        if (!s.action().isEmpty() && !s.notAction().isEmpty()) {
            b.never("both Action and NotAction");
        } else if (s.action().isEmpty() && s.notAction().isEmpty()) {
            b.never("no Action or NotAction");
        }
        b.notAction = !s.notAction().isEmpty();
        b.actions = (b.notAction ? s.notAction() : s.action()).stream().map(WildcardPattern::glob)
                .toArray(WildcardPattern[]::new);

        if (!s.resource().isEmpty() && !s.notResource().isEmpty()) {
            b.never("both Resource and NotResource");
        } else if (s.resource().isEmpty() && s.notResource().isEmpty()) {
            if (resourceBased) {
                b.attachedResource = true;
            } else {
                b.never("no Resource or NotResource");
            }
        }
        b.notResource = !s.notResource().isEmpty();
        b.resources = (b.notResource ? s.notResource() : s.resource()).stream()
                .map(r -> ArnGlob.parse(r, variables, true, sink)).toArray(ArnGlob[]::new);

        if (resourceBased) {
            if (s.principal() != null && s.notPrincipal() != null) {
                b.never("both Principal and NotPrincipal");
            } else if (s.principal() == null && s.notPrincipal() == null) {
                b.never("no Principal or NotPrincipal in a resource-based policy");
            } else {
                b.notPrincipal = s.notPrincipal() != null;
                b.principal = PrincipalMatcher.compile(b.notPrincipal ? s.notPrincipal() : s.principal(), sink);
            }
        } else if (s.principal() != null || s.notPrincipal() != null) {
            sink.report(EvaluationNote.Kind.UNSUPPORTED_PRINCIPAL,
                    "Principal in an " + ref.policyType().wording() + " is ignored (IAM refuses such policies)");
        }

        List<ConditionClause> clauses = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> op : s.condition().entrySet()) {
            if (op.getValue() == null) {
                continue;
            }
            for (Map.Entry<String, List<String>> key : op.getValue().entrySet()) {
                List<String> values = key.getValue() == null ? List.of() : key.getValue();
                ConditionClause clause = ConditionClause.compile(op.getKey(), key.getKey(), values, variables, sink);
                b.unsupportedCondition |= clause.unsupported();
                clauses.add(clause);
            }
        }
        b.conditions = clauses.toArray(ConditionClause[]::new);

        if (b.neverApplies != null) {
            sink.report(EvaluationNote.Kind.MISSING_ELEMENT, "statement has " + b.neverApplies + "; it never applies");
        }
        return new CompiledStatement(b);
    }

    StatementRef ref() {
        return ref;
    }

    Effect effect() {
        return effect;
    }

    /**
     * The grant this statement gives the request, or null when it does not apply. Statements of identity-based
     * policies and boundaries answer {@link GrantKind#DIRECT} when they apply. An Allow that covers the action but not
     * the rest is recorded on {@code trace} as a near miss.
     */
    GrantKind applies(AuthorizationRequest request, Trace trace, boolean callerHasBoundary) {
        if (neverApplies != null || !coversAction(request.action())) {
            return null;
        }
        if (!coversResource(request, trace)) {
            return miss(trace, NearMiss.Mismatch.RESOURCE, null);
        }
        GrantKind grant = GrantKind.DIRECT;
        if (principal != null) {
            grant = principalGrant(request.caller(), callerHasBoundary);
            if (grant == null) {
                return miss(trace, NearMiss.Mismatch.PRINCIPAL, null);
            }
        }
        if (unsupportedCondition) {
            trace.unsupported();
            return miss(trace, NearMiss.Mismatch.UNSUPPORTED_CONDITION, null);
        }
        for (ConditionClause c : conditions) {
            if (!c.holds(request, trace)) {
                return miss(trace, NearMiss.Mismatch.CONDITION, c);
            }
        }
        return grant;
    }

    /** A near miss as recorded during evaluation; its wording is only built when the request ends up denied. */
    record Miss(CompiledStatement statement, NearMiss.Mismatch mismatch, ConditionClause clause) {

        NearMiss toNearMiss(Caller caller) {
            CompiledStatement s = statement;
            String detail = switch (mismatch) {
                case RESOURCE -> (s.notResource ? "NotResource " : "Resource ")
                        + String.join(", ", Arrays.stream(s.resources).map(ArnGlob::raw).toList());
                case PRINCIPAL -> (s.notPrincipal ? "NotPrincipal excludes " : "Principal does not name ") + caller.name();
                case CONDITION -> clause.describe();
                case UNSUPPORTED_CONDITION -> "a condition operator IAM does not have";
            };
            return new NearMiss(s.ref, mismatch, detail);
        }
    }

    private GrantKind miss(Trace trace, NearMiss.Mismatch mismatch, ConditionClause clause) {
        if (effect == Effect.Allow) {
            trace.nearMiss(new Miss(this, mismatch, clause));
        }
        return null;
    }

    private boolean coversAction(String action) {
        for (WildcardPattern p : actions) {
            if (p.matches(action, true)) {
                return !notAction;
            }
        }
        return notAction;
    }

    private boolean coversResource(AuthorizationRequest request, Trace trace) {
        if (attachedResource) {
            return true;
        }
        for (ArnGlob g : resources) {
            if (g.matches(request.resourceArn(), request, trace)) {
                return !notResource;
            }
        }
        return notResource;
    }

    private GrantKind principalGrant(Caller caller, boolean callerHasBoundary) {
        if (!notPrincipal) {
            return principal.grantFor(caller);
        }
        // "The NotPrincipal element with a Deny effect will always deny any IAM principal that has a permissions
        // boundary policy attached, regardless of the values specified in the NotPrincipal element."
        boolean iamPrincipal = caller.account().isPresent();
        if (effect == Effect.Deny && callerHasBoundary && iamPrincipal) {
            return GrantKind.DIRECT;
        }
        return principal.listsEveryIdentityOf(caller) ? null : GrantKind.DIRECT;
    }
}
