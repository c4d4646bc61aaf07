package dev.agentcore.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.RuntimeArn;

class InvocationTargetTest {

    static final String TEXT = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345";

    @Test
    void invocationUriEncodesTheArnAndTheQualifier() {
        InvocationTarget target = InvocationTarget.of(RuntimeArn.parse(TEXT), null);
        assertThat(target.qualifier()).isEqualTo("DEFAULT");
        assertThat(target.invocationUri()).hasToString("https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/"
                + "arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fhello_agent-AbCdE12345/invocations?qualifier=DEFAULT");
        InvocationTarget local = InvocationTarget.direct(URI.create("http://localhost:8080/invocations"), "--local");
        assertThat(local.invocationUri()).hasToString("http://localhost:8080/invocations");
        assertThat(local.invocationPath()).isEqualTo("/invocations");
        assertThat(local.baseUri()).hasToString("http://localhost:8080");
    }
}
