package dev.agentcore.local.data;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.iam.PolicyDocument;
import dev.agentcore.core.iam.PolicyJson;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The policies IAM holds, read through the AWS SDK's IAM client (pointed at the local AWS, moto): a role's or user's
 * inline policies (List/Get{Role,User}Policy) and attached managed policies, each at its default version.
 *
 * <p>Policy documents come URL-encoded, as IAM's API returns them. moto 5.2.5 returns the inline role policies that
 * CloudFormation created as a Python dict's repr, not JSON; those are read as the Python literal they are
 * ({@link PythonLiteral}). moto also ignores a role's {@code ManagedPolicyArns} in CloudFormation, so such grants are
 * missing here as they are in moto.
 */
public final class AwsIamDirectory implements IamDirectory {

    private final IamClient iam;

    public AwsIamDirectory(IamClient iam) {
        this.iam = iam;
    }

    @Override
    public List<NamedPolicy> identityPolicies(PrincipalArn principal) {
        try {
            return switch (principal.kind()) {
                case ROLE, ASSUMED_ROLE -> rolePolicies(principal.name());
                case USER -> userPolicies(principal.name());
                case ROOT -> List.of(); // the root user needs no policy; the data plane never asks for it
                // A federation token's rights are its IAM user's policies cut by a session policy, and its ARN names
                // neither: nothing to read, so IAM allows nothing here.
                case FEDERATED_USER -> List.of();
            };
        } catch (NoSuchEntityException e) {
            return List.of();
        }
    }

    private List<NamedPolicy> rolePolicies(String role) {
        List<NamedPolicy> out = new ArrayList<>();
        for (String name : iam.listRolePoliciesPaginator(r -> r.roleName(role)).policyNames()) {
            out.add(new NamedPolicy(name, document(iam.getRolePolicy(r -> r.roleName(role).policyName(name)).policyDocument())));
        }
        for (AttachedPolicy attached : iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role)).attachedPolicies()) {
            out.add(managed(attached.policyArn()));
        }
        return out;
    }

    private List<NamedPolicy> userPolicies(String user) {
        List<NamedPolicy> out = new ArrayList<>();
        for (String name : iam.listUserPoliciesPaginator(r -> r.userName(user)).policyNames()) {
            out.add(new NamedPolicy(name, document(iam.getUserPolicy(r -> r.userName(user).policyName(name)).policyDocument())));
        }
        for (AttachedPolicy attached : iam.listAttachedUserPoliciesPaginator(r -> r.userName(user)).attachedPolicies()) {
            out.add(managed(attached.policyArn()));
        }
        return out;
    }

    private NamedPolicy managed(String arn) {
        String version = iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId();
        String text = iam.getPolicyVersion(r -> r.policyArn(arn).versionId(version)).policyVersion().document();
        return new NamedPolicy(arn, document(text));
    }

    /** A document as IAM's API returns it: URL-encoded JSON, or (moto, CloudFormation inline policies) a Python repr. */
    static PolicyDocument document(String returned) {
        String text = returned.strip();
        if (text.contains("%")) {
            text = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8).strip();
        }
        try {
            return PolicyJson.read(text);
        } catch (tools.jackson.core.JacksonException notJson) {
            return PolicyJson.read(PythonLiteral.toJson(text).toString());
        }
    }
}
