package dev.agentcore.core.arn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.agentcore.core.runtime.SessionId;

class RuntimeArnTest {

    static final String TEXT = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345";

    @Test
    void parsesTheRealFormatAndDerivesNamesFromIt() {
        RuntimeArn arn = RuntimeArn.parse(TEXT);
        assertThat(arn.region()).isEqualTo("us-east-1");
        assertThat(arn.accountId()).isEqualTo("123456789012");
        assertThat(arn.runtimeId()).isEqualTo("hello_agent-AbCdE12345");
        assertThat(arn.runtimeName()).isEqualTo("hello_agent");
        assertThat(arn).hasToString(TEXT);
        assertThat(arn.urlEncoded()).isEqualTo("arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fhello_agent-AbCdE12345");
        assertThat(arn.endpointArn("dev")).isEqualTo(TEXT + "/runtime-endpoint/dev");
        assertThat(arn.logGroup("DEFAULT")).isEqualTo("/aws/bedrock-agentcore/runtimes/hello_agent-AbCdE12345-DEFAULT");
        assertThat(arn.workloadIdentityArn()).isEqualTo("arn:aws:bedrock-agentcore:us-east-1:123456789012:"
                + "workload-identity-directory/default/workload-identity/hello_agent-AbCdE12345");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fhello_agent-AbCdE12345 | URL-encoded",
            TEXT + "/runtime-endpoint/dev | --qualifier dev",
            "hello_agent-AbCdE12345 | runtime id, not an ARN",
            "arn:aws:bedrock:us-east-1:123456789012:runtime/hello_agent-AbCdE12345 | service is 'bedrock'",
            "arn:aws:bedrock-agentcore:useast1:123456789012:runtime/hello_agent-AbCdE12345 | region 'useast1'",
            "arn:aws:bedrock-agentcore:us-east-1:12345:runtime/hello_agent-AbCdE12345 | account id '12345' is not 12 digits",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:agent/0f1e2d3c | placeholder format",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:memory/m-1 | not a runtime",
            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello-agent-AbCdE12345 | no hyphens",
            "not an arn | six colon-separated parts",
    })
    void malformedArnsSayWhatIsWrongAndShowTheFormat(String arn, String problem) {
        MalformedArnException e = catchThrowableOfType(MalformedArnException.class, () -> RuntimeArn.parse(arn));
        assertThat(e.problem()).contains(problem);
        assertThat(e.getMessage()).contains("Expected arn:aws:bedrock-agentcore:<region>:<12-digit account id>:runtime/");
    }

    @ParameterizedTest
    @CsvSource({"aws,us-east-1,true", "aws-cn,cn-north-1,true", "aws-us-gov,us-gov-west-1,true",
            "aws-cn,us-east-1,false", "aws,cn-northwest-1,false", "aws-iso-b,us-isob-east-1,true", "aws,us-iso-east-1,false"})
    void knowsWhetherItsPartitionIsTheOneOfItsRegion(String partition, String region, boolean matches) {
        RuntimeArn arn = RuntimeArn.parse("arn:" + partition + ":bedrock-agentcore:" + region
                + ":123456789012:runtime/hello_agent-AbCdE12345");
        assertThat(arn.partitionMatchesRegion()).isEqualTo(matches);
    }

    @Test
    void sessionIdsAreThirtyThreeToTwoHundredFiftySixCharacters() {
        assertThat(SessionId.generate().value()).hasSize(36);
        assertThatThrownBy(() -> new SessionId("short")).hasMessageContaining("33 to 256 characters, got 5");
        assertThatThrownBy(() -> new SessionId("a".repeat(257))).hasMessageContaining("got 257");
        assertThatThrownBy(() -> new SessionId("has space".repeat(5))).hasMessageContaining("without spaces");
        assertThat(new SessionId("x".repeat(33)).value()).hasSize(33);
    }
}
