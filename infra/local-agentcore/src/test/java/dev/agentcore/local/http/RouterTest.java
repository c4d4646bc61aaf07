package dev.agentcore.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RouterTest {

    static final Handler NONE = request -> Response.json(200, Response.JSON.createObjectNode());

    @Test
    void theTrailingSlashTellsTheControlPlaneFromTheDataPlane() {
        Router router = new Router()
                .add("POST", "/runtimes/{agentRuntimeId}/versions/", "ListAgentRuntimeVersions", NONE)
                .add("POST", "/runtimes/{agentRuntimeArn}/invocations", "InvokeAgentRuntime", NONE);
        assertThat(router.match("POST", "/runtimes/a-AAAAAAAAAA/versions/")).get()
                .extracting(m -> m.route().operation()).isEqualTo("ListAgentRuntimeVersions");
        var invoke = router.match("POST",
                "/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fa-AAAAAAAAAA/invocations");
        assertThat(invoke).get().extracting(m -> m.route().operation()).isEqualTo("InvokeAgentRuntime");
        assertThat(invoke.get().labels()).isEqualTo(Map.of("agentRuntimeArn",
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/a-AAAAAAAAAA"));
        assertThat(router.match("POST", "/runtimes/a-AAAAAAAAAA/versions")).isEmpty();
        assertThat(router.match("GET", "/runtimes/a-AAAAAAAAAA/versions/")).isEmpty();
    }

    @Test
    void aLiteralSegmentWinsOverALabel() {
        Router router = new Router()
                .add("POST", "/identities/{name}", "ByName", NONE)
                .add("POST", "/identities/GetWorkloadAccessToken", "GetWorkloadAccessToken", NONE);
        assertThat(router.match("POST", "/identities/GetWorkloadAccessToken")).get()
                .extracting(m -> m.route().operation()).isEqualTo("GetWorkloadAccessToken");
        assertThat(router.match("POST", "/identities/other")).get()
                .extracting(m -> m.route().operation()).isEqualTo("ByName");
    }

    @Test
    void aRouteThatWouldTakeAnothersRequestsIsRefused() {
        Router router = new Router().add("GET", "/runtimes/{agentRuntimeId}/", "GetAgentRuntime", NONE);
        assertThatThrownBy(() -> router.add("GET", "/runtimes/{id}/", "Shadow", NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("route GET /runtimes/{id}/ (Shadow) would take the requests of GET /runtimes/{agentRuntimeId}/"
                        + " (GetAgentRuntime)");
        router.add("PUT", "/runtimes/{id}/", "OtherMethod", NONE);
    }

    @Test
    void aPlusInAPathIsAPlus() {
        var match = PathTemplate.of("/things/{name}/").match("/things/a+b%2Bc/");
        assertThat(match).contains(Map.of("name", "a+b+c"));
    }
}
