package dev.agentcore.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.PrincipalArn;

class AccessDeniedMessageTest {

    static final String SEED = "User: arn:aws:sts::123456789012:assumed-role/mcp-echo-execution-role/BedrockAgentCore-1f2e"
            + " is not authorized to perform: bedrock-agentcore:GetWorkloadAccessTokenForJWT on resource: "
            + "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/"
            + "mcp_echo-N0geaLEEPE because no identity-based policy allows the "
            + "bedrock-agentcore:GetWorkloadAccessTokenForJWT action";

    @Test
    void readsWhatItWritesAndWhatIamWrites() {
        AccessDeniedMessage m = AccessDeniedMessage.parse(SEED + ".").orElseThrow();
        assertThat(m.action()).isEqualTo("bedrock-agentcore:GetWorkloadAccessTokenForJWT");
        assertThat(m.resource()).endsWith("workload-identity/mcp_echo-N0geaLEEPE");
        assertThat(m.text()).isEqualTo(SEED);
        assertThat(AccessDeniedMessage.noIdentityPolicyAllows(m.principal(), m.action(), m.resource())).isEqualTo(m);
        AccessDeniedMessage deny = AccessDeniedMessage.explicitDeny(m.principal(), m.action(), m.resource(),
                "identity-based policy");
        assertThat(deny.text()).endsWith("mcp_echo-N0geaLEEPE with an explicit deny in an identity-based policy");
        assertThat(AccessDeniedMessage.parse(deny.text())).contains(deny);
        assertThat(AccessDeniedMessage.parse("Access denied")).isEmpty();
        assertThat(AccessDeniedMessage.parse(null)).isEmpty();
    }

    @Test
    void principalsNameTheirRoleAndAccount() {
        PrincipalArn session = PrincipalArn.parse("arn:aws:sts::123456789012:assumed-role/mcp-echo-execution-role/s-1")
                .orElseThrow();
        assertThat(session.kind()).isEqualTo(PrincipalArn.Kind.ASSUMED_ROLE);
        assertThat(session.roleName()).contains("mcp-echo-execution-role");
        assertThat(session.accountId()).isEqualTo("123456789012");
        assertThat(PrincipalArn.assumedRole("arn:aws:iam::123456789012:role/service-role/exec", "BedrockAgentCore-1"))
                .hasToString("arn:aws:sts::123456789012:assumed-role/exec/BedrockAgentCore-1");
        assertThat(PrincipalArn.parse("arn:aws:iam::123456789012:user/jane").orElseThrow().roleName()).isEmpty();
        assertThat(PrincipalArn.parse("arn:aws:iam::123456789012:role/service-role/exec")).hasValueSatisfying(r -> {
            assertThat(r.name()).isEqualTo("exec");
            assertThat(r).hasToString("arn:aws:iam::123456789012:role/service-role/exec");
        });
        assertThat(PrincipalArn.parse("arn:aws:sts::123456789012:federated-user/bob").orElseThrow().kind())
                .isEqualTo(PrincipalArn.Kind.FEDERATED_USER);
        assertThat(PrincipalArn.parse("arn:aws:sts::123456789012:assumed-role/r/s/extra")).isEmpty();
        assertThat(PrincipalArn.parse("arn:aws:iam::123456789012:root").orElseThrow().kind())
                .isEqualTo(PrincipalArn.Kind.ROOT);
        assertThat(PrincipalArn.parse("arn:aws:s3:::bucket")).isEmpty();
        assertThat(PrincipalArn.parse("arn:aws:sts::123456789012:assumed-role/")).isEmpty();
    }
}
