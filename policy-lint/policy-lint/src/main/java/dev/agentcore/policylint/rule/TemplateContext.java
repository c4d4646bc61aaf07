package dev.agentcore.policylint.rule;

import java.util.ArrayList;
import java.util.List;

import dev.agentcore.core.iam.AgentCoreCatalog;
import dev.agentcore.policylint.runtime.RuntimeSet;
import dev.agentcore.policylint.template.LocatedPolicy;
import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Policies;
import dev.agentcore.policylint.template.Roles;
import dev.agentcore.policylint.template.Template;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/** What a rule sees of one template: the template, its policies, its roles, the actual runtimes and the catalog. */
public final class TemplateContext {

    /** A string of the template that is an ARN, where it sits, and whether it is in a policy or a Principal. */
    public record ArnText(Value.Text text, Template.Resource resource, LocatedPolicy policy, boolean principal) {
        public String owner() {
            return resource == null ? null : resource.logicalId();
        }
    }

    private final Template template;
    private final RuntimeSet runtimes;
    private final AgentCoreCatalog catalog;
    private List<LocatedPolicy> policies;
    private List<LocatedStatement> statements;
    private List<Roles.Role> roles;
    private List<ArnText> arns;
    private List<LocatedStatement> identityAllows;
    private List<LocatedStatement> trustAllows;

    public TemplateContext(Template template, RuntimeSet runtimes, AgentCoreCatalog catalog) {
        this.template = template;
        this.runtimes = runtimes;
        this.catalog = catalog;
    }

    public Template template() {
        return template;
    }

    public RuntimeSet runtimes() {
        return runtimes;
    }

    public AgentCoreCatalog catalog() {
        return catalog;
    }

    public List<LocatedPolicy> policies() {
        if (policies == null) {
            policies = Policies.of(template);
        }
        return policies;
    }

    /** Every statement of every policy, in order; {@link LocatedStatement#policy()} gives its policy. */
    public List<LocatedStatement> statements() {
        if (statements == null) {
            statements = LocatedPolicy.statementsOf(policies());
        }
        return statements;
    }

    /**
     * The Allow statements of identity policies: what grants a principal its permissions. Endpoint and organization
     * policies only limit, and a resource policy's {@code Resource} is its own resource, so rules about how much a
     * grant reaches judge these alone.
     */
    public List<LocatedStatement> identityAllows() {
        if (identityAllows == null) {
            identityAllows = allows(LocatedPolicy.Kind.IDENTITY);
        }
        return identityAllows;
    }

    /** The Allow statements of the trust policies ({@code AssumeRolePolicyDocument}). */
    public List<LocatedStatement> trustAllows() {
        if (trustAllows == null) {
            trustAllows = allows(LocatedPolicy.Kind.TRUST);
        }
        return trustAllows;
    }

    /** Computed once: several rules ask, for every template. */
    private List<LocatedStatement> allows(LocatedPolicy.Kind kind) {
        List<LocatedStatement> out = new ArrayList<>();
        for (LocatedStatement s : statements()) {
            if (s.policy().kind() == kind && s.isAllow()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    public List<Roles.Role> roles() {
        if (roles == null) {
            roles = Roles.of(template, policies());
        }
        return roles;
    }

    /** Every ARN-like string of the template: in policies (with their policy) and in other resource properties. */
    public List<ArnText> arns() {
        if (arns == null) {
            arns = new ArrayList<>();
            if (template.kind() == Template.Kind.POLICY) {
                for (LocatedPolicy p : policies()) {
                    collect(p.node(), null, p, false, 0);
                }
            } else {
                for (Template.Resource r : template.resources().values()) {
                    List<LocatedPolicy> own = new ArrayList<>();
                    for (LocatedPolicy p : policies()) {
                        if (p.resource() == r) {
                            own.add(p);
                        }
                    }
                    collect(template.properties(r), r, null, false, 0, own);
                }
            }
        }
        return arns;
    }

    private void collect(Value v, Template.Resource r, LocatedPolicy policy, boolean principal, int depth) {
        collect(v, r, policy, principal, depth, List.of());
    }

    private void collect(Value v, Template.Resource r, LocatedPolicy policy, boolean principal, int depth,
            List<LocatedPolicy> own) {
        if (depth > 48) {
            return;
        }
        for (Value alt : v.alternatives()) {
            // instanceof, not a switch on types (see Lint.loadConfig)
            if (alt instanceof Value.Text t) {
                if (Texts.shape(t).startsWith("arn:")) {
                    arns.add(new ArnText(t, r, policy, principal));
                }
            } else if (alt instanceof Value.ListValue l) {
                for (Value i : l.items()) {
                    collect(i, r, policy, principal, depth + 1, own);
                }
            } else if (alt instanceof Value.MapValue m) {
                LocatedPolicy here = policy;
                for (LocatedPolicy p : own) {
                    if (p.node() == m) {
                        here = p;
                    }
                }
                for (Value.MapValue.Entry e : m.entries()) {
                    boolean isPrincipal = principal || e.key().equals("Principal") || e.key().equals("NotPrincipal");
                    collect(e.value(), r, here, isPrincipal, depth + 1, own);
                }
            }
        }
    }
}
