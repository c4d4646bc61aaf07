package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.local.control.Resolution;
import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.Response;

/** The service skeleton: options, the in-process API, and a further part plugged in on the same port. */
class LocalAgentCoreTest {

    @Test
    void optionsOverrideTheEnvironmentWhichOverridesTheDefaults() {
        var defaults = LocalAgentCore.Options.parse(new String[0], Map.of());
        assertThat(defaults.port()).isZero();
        assertThat(defaults.region()).isEqualTo("us-east-1");
        assertThat(defaults.accountId()).isEqualTo("123456789012");
        assertThat(defaults.stateDirectory()).isEmpty();

        var fromEnv = LocalAgentCore.Options.parse(new String[0],
                Map.of("MOTO_ACCOUNT_ID", "210987654321", "AWS_REGION", "eu-west-1"));
        assertThat(fromEnv.accountId()).isEqualTo("210987654321");
        assertThat(fromEnv.region()).isEqualTo("eu-west-1");

        var given = LocalAgentCore.Options.parse(new String[] {"--port", "4566", "--region=us-west-2",
                "--account-id", "111122223333", "--state-dir", "/tmp/lac", "--provisioning-delay", "5"},
                Map.of("MOTO_ACCOUNT_ID", "210987654321"));
        assertThat(given.port()).isEqualTo(4566);
        assertThat(given.region()).isEqualTo("us-west-2");
        assertThat(given.accountId()).isEqualTo("111122223333");
        assertThat(given.stateDirectory()).contains(Path.of("/tmp/lac"));
        assertThat(given.provisioningDelay()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void wrongOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> LocalAgentCore.Options.parse(new String[] {"--prot", "1"}, Map.of()))
                .hasMessage("unknown option --prot");
        assertThatThrownBy(() -> LocalAgentCore.Options.parse(new String[] {"--port", "http"}, Map.of()))
                .hasMessage("option --port needs a number, not 'http'");
        assertThatThrownBy(() -> LocalAgentCore.Options.parse(new String[] {"--account-id", "123"}, Map.of()))
                .hasMessage("account id '123' is not 12 digits");
        assertThatThrownBy(() -> LocalAgentCore.Options.parse(new String[] {"--region"}, Map.of()))
                .hasMessage("option --region needs a value");
    }

    @Test
    void anotherPartServesOnTheSamePortWithTheRuntimesAtHand() throws Exception {
        // What the data plane will do: resolve the runtime named in the path, answer AWS's errors itself.
        LocalService dataPlane = (router, context) -> router.add("POST", "/runtimes/{agentRuntimeArn}/invocations",
                "InvokeAgentRuntime", context.sigV4().require(request -> {
                    var arn = RuntimeArn.parse(request.pathLabel("agentRuntimeArn"));
                    var qualifier = Qualifier.ofNullable(request.query("qualifier").orElse(null));
                    return switch (context.runtimes().resolve(arn, qualifier)) {
                        case Resolution.Found found -> Response.json(200, Response.JSON.createObjectNode()
                                .put("image", found.version().configuration().containerUri()));
                        case Resolution.RuntimeNotFound missing ->
                                Response.error(AwsError.of(404, "ResourceNotFoundException", "no runtime " + missing.runtime()));
                        default -> Response.error(AwsError.of(404, "ResourceNotFoundException", "not ready"));
                    };
                }));
        try (var agentCore = LocalAgentCore.start(LocalFixture.config().service(dataPlane).build());
             var control = LocalFixture.client(agentCore)) {
            assertThat(agentCore.routes()).containsEntry("POST /runtimes/{agentRuntimeArn}/invocations", "InvokeAgentRuntime")
                    .containsEntry("PUT /runtimes/", "CreateAgentRuntime").hasSize(12);
            String id = control.createAgentRuntime(LocalFixture.create("plugged").build()).agentRuntimeId();
            LocalFixture.await(() -> control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("DEFAULT"))
                    .statusAsString(), "READY");
            String arn = control.getAgentRuntime(r -> r.agentRuntimeId(id)).agentRuntimeArn();

            // Unsigned: the data plane's route is behind the same SigV4 check.
            var unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(agentCore.endpoint()
                    .resolve("/runtimes/" + RuntimeArn.parse(arn).urlEncoded() + "/invocations"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(agentCore.registry().resolve(RuntimeArn.parse(arn), Qualifier.DEFAULT))
                    .isInstanceOf(Resolution.Found.class);
        }
    }
}
