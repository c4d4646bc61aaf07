package dev.agentcore.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.RuntimeArn;

class InvocationTargetTest {

    static final String TEXT = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345";
    static final RuntimeArn ARN = RuntimeArn.parse(TEXT);

    @Test
    void invocationUriEncodesTheArnAndTheQualifier() {
        InvocationTarget target = InvocationTarget.of(ARN);
        assertThat(target.qualifier()).isEqualTo("DEFAULT");
        assertThat(target.invocationUri()).hasToString("https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/"
                + "arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fhello_agent-AbCdE12345/invocations?qualifier=DEFAULT");
        InvocationTarget local = InvocationTarget.direct(URI.create("http://localhost:8080/invocations"), EndpointOrigin.flag("--local"));
        assertThat(local.invocationUri()).hasToString("http://localhost:8080/invocations");
        assertThat(local.invocationPath()).isEqualTo("/invocations");
        assertThat(local.baseUri()).hasToString("http://localhost:8080");
    }

    @Test
    void whetherTheUrlIsAnOverrideIsDecidedByWhereItCameFromNotByItsText() {
        // The CLI used to ask endpointOrigin().startsWith("the default"): any origin worded that way lost its URL.
        URI proxy = URI.create("https://agentcore-proxy.example.com");
        InvocationTarget configured = InvocationTarget.at(ARN, "dev", proxy,
                new EndpointOrigin.Configured("the default proxy of this team"));
        assertThat(configured.endpointOverride()).contains(proxy);

        InvocationTarget regional = InvocationTarget.of(ARN, "dev");
        assertThat(regional.endpointOverride()).isEmpty();
        assertThat(regional.endpointOrigin()).isEqualTo(new EndpointOrigin.RegionDefault("us-east-1"));
        assertThat(regional.endpointOrigin().text()).isEqualTo("the default for region us-east-1");

        assertThat(InvocationTarget.at(ARN, "dev", proxy, EndpointOrigin.environmentVariable("AWS_ENDPOINT_URL"))
                .endpointOverride()).contains(proxy);
        assertThat(InvocationTarget.at(ARN, " ", proxy, EndpointOrigin.flag("--endpoint-url")).qualifier()).isEqualTo("DEFAULT");
    }
}
