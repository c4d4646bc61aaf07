package dev.agentcore.core.arn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.runtime.Qualifier;

class AgentCoreArnsTest {

    static final String RUNTIME = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE";

    @Test
    void splitsPatternsAsWrittenAndRefusesWhatIsNoArn() {
        var split = AgentCoreArns.split("arn:aws*:bedrock-agentcore:*:${AccountId}:workload-identity-directory/default/*");
        assertThat(split).hasValueSatisfying(a -> {
            assertThat(a.partition()).isEqualTo("aws*");
            assertThat(a.accountId()).contains("${AccountId}");
            assertThat(a.region()).contains("*");
            assertThat(a.resourceAsString()).isEqualTo("workload-identity-directory/default/*");
        });
        assertThat(AgentCoreArns.split("arn:aws:iam::aws:policy/X")).hasValueSatisfying(a -> assertThat(a.region()).isEmpty());
        assertThat(AgentCoreArns.split("*")).isEmpty();
        assertThat(AgentCoreArns.split("arn:aws:s3")).isEmpty();
        assertThat(AgentCoreArns.split("arn::s3:::bucket")).isEmpty();
        assertThat(AgentCoreArns.split("arn:aws:s3:::")).isEmpty();
        assertThat(AgentCoreArns.split(null)).isEmpty();
    }

    @Test
    void endpointArnsParseIntoTheirRuntimeAndName() {
        RuntimeEndpointArn endpoint = RuntimeEndpointArn.tryParse(RUNTIME + "/runtime-endpoint/dev").orElseThrow();
        assertThat(endpoint.runtime()).isEqualTo(RuntimeArn.parse(RUNTIME));
        assertThat(endpoint.qualifier()).isEqualTo(new Qualifier("dev"));
        assertThat(endpoint).hasToString(RUNTIME + "/runtime-endpoint/dev");
        assertThat(RuntimeArn.parse(RUNTIME).endpoint(Qualifier.DEFAULT)).hasToString(RUNTIME + "/runtime-endpoint/DEFAULT");
        assertThat(RuntimeEndpointArn.tryParse(RUNTIME + "/runtime-endpoint/has-hyphen")).isEmpty();
        assertThat(RuntimeEndpointArn.tryParse(RUNTIME)).isEmpty();
    }

    @Test
    void theWorkloadIdentityIsNamedAfterTheRuntimeIdNotItsName() {
        WorkloadIdentityArn identity = RuntimeArn.parse(RUNTIME).workloadIdentity();
        assertThat(identity.name()).isEqualTo("mcp_echo-N0geaLEEPE");
        assertThat(identity).hasToString("arn:aws:bedrock-agentcore:us-east-1:123456789012:"
                + "workload-identity-directory/default/workload-identity/mcp_echo-N0geaLEEPE");
        assertThat(identity.directoryArn())
                .isEqualTo("arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default");
        assertThat(WorkloadIdentityArn.tryParse(identity.toString())).contains(identity);
        assertThat(WorkloadIdentityArn.tryParse(RUNTIME)).isEmpty();
        assertThat(WorkloadIdentityArn.tryParse("arn:aws:bedrock-agentcore:us-east-1:123456789012:"
                + "workload-identity-directory/default/workload-identity/")).isEmpty();
    }

    @Test
    void otherPartitionsAreRuntimeArnsToo() {
        assertThat(RuntimeArn.tryParse(RUNTIME.replace("arn:aws:", "arn:aws-us-gov:").replace("us-east-1", "us-gov-west-1")))
                .hasValueSatisfying(a -> assertThat(a.partition()).isEqualTo("aws-us-gov"));
        assertThat(RuntimeArn.tryParse(RUNTIME.replace("arn:aws:", "arn:awz:"))).isEmpty();
    }
}
