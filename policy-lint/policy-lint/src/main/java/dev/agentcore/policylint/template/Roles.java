package dev.agentcore.policylint.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.agentcore.policylint.template.Value.Text;

/**
 * The IAM roles of a template with the policies attached to them (inline, {@code AWS::IAM::Policy},
 * {@code AWS::IAM::RolePolicy}, {@code AWS::IAM::ManagedPolicy} by {@code Roles} or {@code ManagedPolicyArns}),
 * and which {@code AWS::BedrockAgentCore::Runtime} resources run as them.
 */
public final class Roles {

    public static final String ROLE = "AWS::IAM::Role";
    public static final String RUNTIME = "AWS::BedrockAgentCore::Runtime";

    /**
     * A role, its literal RoleName (null when CloudFormation generates it), its policies and its runtimes.
     * {@code unseenPolicies} are its ManagedPolicyArns that name no managed policy of the template (AWS managed,
     * a parameter, an import): their statements are unknown.
     */
    public record Role(Template.Resource resource, String roleName, List<LocatedPolicy> trust,
            List<LocatedPolicy> permissions, List<TemplateRuntime> runtimes, List<String> unseenPolicies) {
    }

    /**
     * A runtime defined in the template: logical id, literal AgentRuntimeName (or null), and the name as an IAM
     * pattern whose deploy-time pieces ({@code ${AWS::StackName}}, a parameter without a default) are {@code *}
     * (null when the template gives no name).
     */
    public record TemplateRuntime(String logicalId, String name, String namePattern) {
    }

    private Roles() {
    }

    public static List<Role> of(Template t, List<LocatedPolicy> policies) {
        List<Role> out = new ArrayList<>();
        for (Template.Resource r : t.resources().values()) {
            if (!r.type().equals(ROLE)) {
                continue;
            }
            String roleName = literal(t, r, "RoleName");
            List<LocatedPolicy> trust = new ArrayList<>();
            List<LocatedPolicy> permissions = new ArrayList<>();
            List<String> unseen = new ArrayList<>();
            List<String> managed = managedPolicyRefs(t, r, unseen);
            for (LocatedPolicy p : policies) {
                if (p.resource() == null) {
                    continue;
                }
                if (p.resource() == r) {
                    (p.kind() == LocatedPolicy.Kind.TRUST ? trust : permissions).add(p);
                } else if (attaches(t, p.resource(), r.logicalId(), roleName) || managed.contains(p.resource().logicalId())) {
                    permissions.add(p);
                }
            }
            out.add(new Role(r, roleName, trust, permissions, runtimesOf(t, r.logicalId(), roleName), unseen));
        }
        return out;
    }

    /** True when an AWS::IAM::Policy/ManagedPolicy/RolePolicy resource attaches itself to the role. */
    private static boolean attaches(Template t, Template.Resource policy, String roleId, String roleName) {
        if (!(t.properties(policy) instanceof Value.MapValue props)) {
            return false;
        }
        List<Value> targets = new ArrayList<>();
        switch (policy.type()) {
            case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> {
                if (props.get("Roles") != null) {
                    targets.addAll(props.get("Roles").items());
                }
            }
            case "AWS::IAM::RolePolicy" -> {
                if (props.get("RoleName") != null) {
                    targets.addAll(props.get("RoleName").items());
                }
            }
            default -> {
                return false;
            }
        }
        for (Value v : targets) {
            if (v instanceof Text text && names(text, roleId, roleName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(Text text, String roleId, String roleName) {
        for (Piece p : text.pieces()) {
            if (p instanceof Piece.Unknown u && u.target().equals(roleId)
                    && (u.kind() == Piece.Unknown.Kind.RESOURCE_REF || u.kind() == Piece.Unknown.Kind.GET_ATT)) {
                return true;
            }
        }
        return roleName != null && Texts.isLiteral(text) && Texts.shape(text).equals(roleName);
    }

    /**
     * The managed policies of the template that the role lists in ManagedPolicyArns ({@code !Ref Policy} or
     * {@code !GetAtt Policy.PolicyArn}); the other entries go to {@code unseen}.
     */
    private static List<String> managedPolicyRefs(Template t, Template.Resource role, List<String> unseen) {
        List<String> out = new ArrayList<>();
        if (t.properties(role) instanceof Value.MapValue props && props.get("ManagedPolicyArns") != null) {
            for (Value v : props.get("ManagedPolicyArns").items()) {
                boolean seen = false;
                if (v instanceof Text text) {
                    for (Piece p : text.pieces()) {
                        if (p instanceof Piece.Unknown u && (u.kind() == Piece.Unknown.Kind.RESOURCE_REF
                                || u.kind() == Piece.Unknown.Kind.GET_ATT && "PolicyArn".equals(u.attribute()))) {
                            out.add(u.target());
                            seen |= t.resources().get(u.target()) instanceof Template.Resource policy
                                    && policy.type().equals("AWS::IAM::ManagedPolicy");
                        }
                    }
                }
                if (!seen && !(v instanceof Text empty && Texts.isLiteral(empty) && Texts.shape(empty).isBlank())) {
                    unseen.add(v instanceof Text text ? Texts.display(text) : "a value known only at deploy time");
                }
            }
        }
        return out;
    }

    /** Runtimes whose RoleArn is {@code !GetAtt Role.Arn} or an ARN ending in {@code role/<RoleName>}. */
    private static List<TemplateRuntime> runtimesOf(Template t, String roleId, String roleName) {
        List<TemplateRuntime> out = new ArrayList<>();
        for (Template.Resource r : t.resources().values()) {
            if (!r.type().equals(RUNTIME) || !(t.properties(r) instanceof Value.MapValue props)
                    || props.get("RoleArn") == null) {
                continue;
            }
            for (Value v : props.get("RoleArn").items()) {
                if (v instanceof Text text && (names(text, roleId, null)
                        || roleName != null && Texts.shape(text).endsWith("role/" + roleName))) {
                    out.add(templateRuntime(t, r));
                }
            }
        }
        return out;
    }

    /** The runtimes of a template by logical id, with their literal names. */
    public static Map<String, TemplateRuntime> runtimes(Template t) {
        Map<String, TemplateRuntime> out = new LinkedHashMap<>();
        for (Template.Resource r : t.resources().values()) {
            if (r.type().equals(RUNTIME)) {
                out.put(r.logicalId(), templateRuntime(t, r));
            }
        }
        return out;
    }

    private static TemplateRuntime templateRuntime(Template t, Template.Resource r) {
        String pattern = t.properties(r) instanceof Value.MapValue props && props.get("AgentRuntimeName") instanceof Text text
                ? Texts.pattern(text) : null;
        return new TemplateRuntime(r.logicalId(), literal(t, r, "AgentRuntimeName"), pattern);
    }

    private static String literal(Template t, Template.Resource r, String property) {
        if (t.properties(r) instanceof Value.MapValue props && props.get(property) instanceof Text text
                && Texts.isLiteral(text)) {
            return Texts.shape(text);
        }
        return null;
    }
}
