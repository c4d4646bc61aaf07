package dev.agentcore.policylint.rule;

import java.util.ArrayList;
import java.util.List;

import dev.agentcore.core.iam.Effect;
import dev.agentcore.core.iam.Glob;
import dev.agentcore.core.iam.PolicyDocument;
import dev.agentcore.core.iam.Statement;
import dev.agentcore.policylint.runtime.AgentRuntime;
import dev.agentcore.policylint.template.LocatedPolicy;
import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Roles;
import dev.agentcore.policylint.template.Template;
import dev.agentcore.policylint.template.Texts;

/**
 * An actual runtime with a JWT authorizer whose execution role is defined in the scanned templates and does not allow
 * {@code GetWorkloadAccessTokenForJWT} on the runtime's workload identity. Runtimes created on or after 2025-10-13
 * get that permission from a service-linked role, so there it is information, not an error.
 */
public final class MissingWorkloadTokenGrant implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL120", "missing-workload-token-grant",
            "A runtime with a JWT authorizer runs as a role whose policies do not allow GetWorkloadAccessTokenForJWT on its workload identity.",
            Severity.ERROR);

    static final String ACTION = "bedrock-agentcore:GetWorkloadAccessTokenForJWT";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void checkProject(List<TemplateContext> templates, Findings findings) {
        for (TemplateContext ctx : templates) {
            if (ctx.template().kind() != Template.Kind.CLOUDFORMATION) {
                continue;
            }
            for (AgentRuntime runtime : ctx.runtimes().runtimes()) {
                if (runtime.jwtAuthorizer() == null) {
                    unknownAuthorizer(ctx, runtime, findings);
                    continue;
                }
                if (!runtime.jwtAuthorizer() || runtime.workloadIdentity() == null) {
                    continue;
                }
                for (Roles.Role role : ctx.roles()) {
                    if (runsAs(runtime, role)) {
                        check(runtime, role, findings);
                    }
                }
            }
        }
    }

    /**
     * list-agent-runtimes output names runtimes but not their authorizer or role: say so where the check would have
     * run, and which input has them, rather than pass the role over in silence.
     */
    private static void unknownAuthorizer(TemplateContext ctx, AgentRuntime runtime, Findings findings) {
        for (Roles.Role role : ctx.roles()) {
            if (runsAs(runtime, role)) {
                findings.add(INFO, Severity.INFO, role.resource().key().region(),
                        "cannot tell whether runtime " + (runtime.id() != null ? runtime.id() : runtime.name())
                                + " (which may run as role " + role.resource().logicalId() + ") needs " + ACTION
                                + ": the runtimes given do not say whether it has a JWT authorizer (list-agent-runtimes"
                                + " output has neither the authorizer nor the role)",
                        "give get-agent-runtime output (aws bedrock-agentcore-control get-agent-runtime), the state file"
                                + " (--runtimes .agentcore/state.json) or --live",
                        role.resource().logicalId());
            }
        }
    }

    static boolean runsAs(AgentRuntime runtime, Roles.Role role) {
        if (runtime.roleArn() != null && role.roleName() != null && roleName(runtime.roleArn()).equals(role.roleName())) {
            return true;
        }
        // A name known only at deploy time (${AWS::StackName}, a parameter without a default) matches as a wildcard,
        // as the dead-grant rule reads such grants.
        return runtime.name() != null && role.runtimes().stream()
                .anyMatch(r -> r.namePattern() != null && new Glob(r.namePattern()).matches(runtime.name()));
    }

    static String roleName(String roleArn) {
        int slash = roleArn.lastIndexOf('/');
        return slash < 0 ? roleArn : roleArn.substring(slash + 1);
    }

    private void check(AgentRuntime runtime, Roles.Role role, Findings findings) {
        PolicyDocument permissions = permissions(role.permissions());
        List<String> missing = new ArrayList<>();
        if (!permissions.allows(ACTION, runtime.workloadIdentity())) {
            missing.add(runtime.workloadIdentity());
        }
        String directory = runtime.workloadIdentityDirectory();
        if (directory != null && !permissions.allows(ACTION, directory)) {
            missing.add(directory);
        }
        if (missing.isEmpty()) {
            return;
        }
        String base = "runtime " + runtime.id() + " (JWT authorizer" + (runtime.createdAt() == null ? ""
                : ", created " + runtime.createdAt().toString().substring(0, 10)) + ") runs as role "
                + role.resource().logicalId() + ", whose policies do not allow " + ACTION + " on " + String.join(" and ", missing);
        Severity severity;
        String why;
        if (runtime.usesServiceLinkedRole().isEmpty()) {
            severity = Severity.WARNING;
            why = "; its creation time is unknown (give get-agent-runtime output or the state file): runtimes created"
                    + " before 2025-10-13 use the execution role for this call and inbound JWT requests will fail";
        } else if (runtime.usesServiceLinkedRole().get()) {
            severity = Severity.INFO;
            why = "; runtimes created on or after 2025-10-13 get this permission from the service-linked role"
                    + " AWSServiceRoleForBedrockAgentCoreRuntimeIdentity, so only code that calls it with the role itself needs it";
        } else {
            severity = Severity.ERROR;
            why = "; runtimes created before 2025-10-13 use the execution role for this call, so inbound JWT requests fail";
        }
        if (!role.unseenPolicies().isEmpty()) {
            // Policies defined elsewhere may grant it: say so, and do not call it an error.
            severity = severity == Severity.ERROR ? Severity.WARNING : severity;
            why += "; the role also has managed policies policy-lint cannot read: "
                    + String.join(", ", role.unseenPolicies()) + " (ignore this when one of them allows it)";
        }
        findings.add(INFO, severity, role.resource().key().region(), base + why,
                "allow " + ACTION + " on " + String.join(" and ", missing) + " in a policy of " + role.resource().logicalId(),
                role.resource().logicalId());
    }

    /** The role's permissions as one document; a Deny with deploy-time values is left out rather than guessed. */
    private static PolicyDocument permissions(List<LocatedPolicy> policies) {
        List<Statement> statements = new ArrayList<>();
        for (LocatedStatement s : LocatedPolicy.statementsOf(policies)) {
            if (s.effect() == Effect.Deny && (s.actions().stream().anyMatch(t -> !Texts.isLiteral(t))
                    || s.resources().stream().anyMatch(t -> !Texts.isLiteral(t)))) {
                continue;
            }
            statements.add(s.toStatement());
        }
        return new PolicyDocument(null, null, statements);
    }
}
