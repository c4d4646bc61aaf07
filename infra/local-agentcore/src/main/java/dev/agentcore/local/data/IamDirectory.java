package dev.agentcore.local.data;

import java.util.List;

import dev.agentcore.core.arn.PrincipalArn;

/**
 * Where the data plane finds a principal's identity-based policies, as IAM holds them: the inline and attached
 * policies of a role (for a role session, of its role) or of a user. {@link InMemoryIamDirectory} for tests,
 * {@link AwsIamDirectory} on the local AWS's IAM (moto).
 */
@FunctionalInterface
public interface IamDirectory {

    /** Every identity-based policy of {@code principal}; none for an unknown principal (IAM then allows nothing). */
    List<NamedPolicy> identityPolicies(PrincipalArn principal);
}
