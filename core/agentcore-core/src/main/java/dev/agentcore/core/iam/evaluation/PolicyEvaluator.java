package dev.agentcore.core.iam.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.agentcore.core.iam.Effect;
import dev.agentcore.core.iam.PolicyDocument;
import dev.agentcore.core.iam.Statement;

/**
 * IAM policy evaluation for one principal's policies (and, optionally, the policies of the resource and the
 * principal's permissions boundary), following the IAM User Guide's "Policy evaluation logic":
 *
 * <ol>
 * <li>An applicable Deny in any policy decides: {@link Outcome#EXPLICIT_DENY}.</li>
 * <li>Within one account, an Allow in an identity-based policy or a resource-based policy grants. A permissions
 * boundary limits identity-based grants and resource-based grants to the caller's role; it does not limit a
 * resource-based grant to the caller itself (user, session) or to everyone. A resource-based grant to the caller's
 * account only delegates: the identity-based policies must allow too.</li>
 * <li>Across accounts, and for role trust policies (which "must explicitly allow access for principals"), the
 * resource-based policy must allow as well.</li>
 * <li>The account root user has full access within its account unless denied.</li>
 * <li>Anything else is an {@link Outcome#IMPLICIT_DENY}, naming the policy type that lacked the Allow.</li>
 * </ol>
 *
 * Organizations SCPs/RCPs and session policies are not modelled. Build one evaluator per principal (policies are
 * compiled once) and call {@link #evaluate} per request; it is immutable and thread-safe, and never throws on odd
 * policies: what it cannot read it reports in {@link #problems()} and {@link Decision#notes()}.
 */
public final class PolicyEvaluator {

    /** Policy variables exist only in this version of the policy language ("IAM JSON policy elements: Version"). */
    static final String VARIABLES_VERSION = "2012-10-17";

    private record CompiledPolicy(String name, PolicyType type, CompiledStatement[] statements) {
    }

    private final List<CompiledPolicy> policies;
    private final boolean hasBoundary;
    private final boolean hasTrustPolicy;
    private final List<EvaluationNote> problems;

    private PolicyEvaluator(Builder b) {
        this.policies = List.copyOf(b.policies);
        this.hasBoundary = b.hasBoundary;
        this.hasTrustPolicy = b.hasTrustPolicy;
        this.problems = List.copyOf(b.problems);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What compiling the policies found: unknown operators, unreadable values, statements that never apply. */
    public List<EvaluationNote> problems() {
        return problems;
    }

    public Decision evaluate(AuthorizationRequest request) {
        Trace trace = new Trace();
        for (CompiledPolicy p : policies) {
            for (CompiledStatement s : p.statements()) {
                trace.enter(s.ref());
                GrantKind grant = s.applies(request, trace, hasBoundary);
                if (grant == null) {
                    continue;
                }
                if (s.effect() == Effect.Deny) {
                    trace.deny(s.ref());
                } else {
                    trace.allow(s.ref(), grant);
                }
            }
        }
        if (!trace.denies().isEmpty()) {
            return new Decision(Outcome.EXPLICIT_DENY, trace.denies(), Optional.empty(), List.of(), trace.notes());
        }
        PolicyType lacking = lackingAllow(request, trace);
        if (lacking == null) {
            return new Decision(Outcome.ALLOW, trace.allows(), Optional.empty(), List.of(), trace.notes());
        }
        return new Decision(Outcome.IMPLICIT_DENY, List.of(), Optional.of(lacking), trace.nearMisses(request.caller()),
                trace.notes());
    }

    /** Null when the Allows found are enough, else the policy type whose Allow is missing. */
    private PolicyType lackingAllow(AuthorizationRequest request, Trace trace) {
        Caller caller = request.caller();
        boolean root = caller instanceof Caller.AccountRoot;
        boolean identityOk = trace.identityAllows() || root;
        boolean boundaryOk = !hasBoundary || root || trace.boundaryAllows();
        GrantKind grant = trace.resourceGrant();

        if (caller.account().isEmpty()) {
            // Services and web identities have no identity-based policies: only a resource-based policy can grant.
            return grant != null ? null : PolicyType.RESOURCE;
        }
        if (isCrossAccount(request)) {
            if (grant == null) {
                return PolicyType.RESOURCE;
            }
            return !identityOk ? PolicyType.IDENTITY : !boundaryOk ? PolicyType.PERMISSIONS_BOUNDARY : null;
        }
        if (grant == GrantKind.DIRECT || grant == GrantKind.ROLE && boundaryOk) {
            return null;
        }
        if (hasTrustPolicy && grant == null) {
            return PolicyType.RESOURCE;
        }
        if (grant == GrantKind.ROLE) {
            return PolicyType.PERMISSIONS_BOUNDARY;
        }
        return !identityOk ? PolicyType.IDENTITY : !boundaryOk ? PolicyType.PERMISSIONS_BOUNDARY : null;
    }

    /** Caller and resource in different accounts; the resource's account is aws:ResourceAccount or the ARN's. */
    private static boolean isCrossAccount(AuthorizationRequest request) {
        String callerAccount = request.caller().account().orElse(null);
        if (callerAccount == null) {
            return false;
        }
        String resourceAccount = request.singleValue("aws:resourceaccount");
        if (resourceAccount != null) {
            return !resourceAccount.equals(callerAccount);
        }
        ArnText arn = request.resourceArn();
        int start = arn.isArn() ? arn.start(4) : 0;
        int length = arn.isArn() ? arn.end(4) - start : 0;
        // An ARN without an account (S3 objects, "*") says nothing: the request is taken as within the account.
        return length > 0 && !(length == callerAccount.length() && arn.text().regionMatches(start, callerAccount, 0, length));
    }

    /** Collects the policies that apply to one principal (and one resource). */
    public static final class Builder {
        private final List<CompiledPolicy> policies = new ArrayList<>();
        private final List<EvaluationNote> problems = new ArrayList<>();
        private boolean hasBoundary;
        private boolean hasTrustPolicy;

        private Builder() {
        }

        /** An inline or managed policy of the user or role (a group's policies for a user, too). */
        public Builder identityPolicy(String name, PolicyDocument policy) {
            return add(name, PolicyType.IDENTITY, policy);
        }

        /** A policy attached to the resource; statements without Resource are about that resource. */
        public Builder resourcePolicy(String name, PolicyDocument policy) {
            return add(name, PolicyType.RESOURCE, policy);
        }

        /**
         * A role's trust policy, for {@code sts:AssumeRole*} on the role: a resource-based policy that must allow
         * whatever the identity-based policies say.
         */
        public Builder trustPolicy(String name, PolicyDocument policy) {
            hasTrustPolicy = true;
            return add(name, PolicyType.RESOURCE, policy);
        }

        /** The principal's permissions boundary (at most one, as in IAM). */
        public Builder permissionsBoundary(String name, PolicyDocument policy) {
            if (hasBoundary) {
                throw new IllegalStateException("a principal has at most one permissions boundary; '" + name
                        + "' would be the second");
            }
            hasBoundary = true;
            return add(name, PolicyType.PERMISSIONS_BOUNDARY, policy);
        }

        private Builder add(String name, PolicyType type, PolicyDocument policy) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a policy needs a name (it is how decisions cite it)");
            }
            if (policy == null) {
                throw new IllegalArgumentException("policy '" + name + "' is null");
            }
            boolean variables = VARIABLES_VERSION.equals(policy.version());
            List<CompiledStatement> statements = new ArrayList<>();
            for (int i = 0; i < policy.statement().size(); i++) {
                Statement s = policy.statement().get(i);
                if (s != null) {
                    StatementRef ref = new StatementRef(name, type, s.sid(), i);
                    statements.add(CompiledStatement.compile(s, ref, variables, problems));
                }
            }
            policies.add(new CompiledPolicy(name, type, statements.toArray(CompiledStatement[]::new)));
            return this;
        }

        public PolicyEvaluator build() {
            return new PolicyEvaluator(this);
        }
    }
}
