package dev.agentcore.policylint.template;

import java.util.ArrayList;
import java.util.List;

import dev.agentcore.core.iam.PolicyDocument;
import dev.agentcore.policylint.template.Value.MapValue;

/**
 * A policy document found in a template (or a plain policy file), resolved, with the resource it belongs to. Its
 * statements keep their positions; {@link #document()} gives the same policy as the shared IAM model.
 */
public record LocatedPolicy(Template template, Template.Resource resource, Kind kind, MapValue node, String name) {

    public enum Kind {
        /** An identity policy: attached to a role, user or group. */
        IDENTITY,
        /** A role's trust policy ({@code AssumeRolePolicyDocument}). */
        TRUST,
        /** A resource-based policy (bucket policy, key policy, ...). */
        RESOURCE
    }

    public List<LocatedStatement> statements() {
        List<LocatedStatement> out = new ArrayList<>();
        Value statements = node.get("Statement");
        if (statements == null) {
            return out;
        }
        int index = 0;
        for (Value v : statements.items()) {
            if (v instanceof MapValue m) {
                out.add(new LocatedStatement(this, m, index));
            }
            index++;
        }
        return out;
    }

    /** The statements of the policies, one policy after the other. */
    public static List<LocatedStatement> statementsOf(List<LocatedPolicy> policies) {
        List<LocatedStatement> out = new ArrayList<>();
        policies.forEach(p -> out.addAll(p.statements()));
        return out;
    }

    /** The policy as the IAM model sees it; unknown pieces of strings become wildcards. */
    public PolicyDocument document() {
        return new PolicyDocument(null, null, statements().stream().map(LocatedStatement::toStatement).toList());
    }

    /** The logical id of the resource, or the file name for a plain policy document. */
    public String owner() {
        return resource == null ? template.file().displayPath() : resource.logicalId();
    }
}
