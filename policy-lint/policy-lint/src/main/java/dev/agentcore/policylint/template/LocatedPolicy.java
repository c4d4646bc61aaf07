package dev.agentcore.policylint.template;

import java.util.ArrayList;
import java.util.List;

import dev.agentcore.core.iam.PolicyDocument;
import dev.agentcore.policylint.template.Value.MapValue;

/**
 * A policy document found in a template (or a plain policy file), resolved, with the resource it belongs to (or, in a
 * file of policies by name, its name: {@code documentName}, else null). Its statements keep their positions;
 * {@link #document()} gives the same policy as the shared IAM model.
 */
public record LocatedPolicy(Template template, Template.Resource resource, Kind kind, MapValue node, String name,
        String documentName) {

    public enum Kind {
        /** An identity policy: attached to a role, user or group. */
        IDENTITY,
        /** A role's trust policy ({@code AssumeRolePolicyDocument}). */
        TRUST,
        /** A resource-based policy (bucket policy, key policy, ...): grants access to the one resource it is on. */
        RESOURCE,
        /** A VPC endpoint policy: limits what passes through the endpoint, grants nothing. */
        ENDPOINT,
        /** A service or resource control policy (AWS Organizations): limits what accounts may do, grants nothing. */
        ORGANIZATION_CONTROL;

        /** The kind of the policy document at {@code path} under the properties of a resource of {@code type}. */
        public static Kind of(String type, String path) {
            if (path.endsWith("AssumeRolePolicyDocument")) {
                return TRUST;
            }
            if (type.equals("AWS::EC2::VPCEndpoint")) {
                return ENDPOINT;
            }
            if (type.equals("AWS::Organizations::Policy")) {
                return ORGANIZATION_CONTROL;
            }
            boolean identity = type.startsWith("AWS::IAM::") || type.startsWith("AWS::Serverless::")
                    || type.startsWith("AWS::SSO::");
            return identity ? IDENTITY : RESOURCE;
        }
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

    /** The logical id of the resource, or the policy's name in a file of policies by name, else the file name. */
    public String owner() {
        return resource != null ? resource.logicalId() : documentName != null ? documentName : template.file().displayPath();
    }
}
