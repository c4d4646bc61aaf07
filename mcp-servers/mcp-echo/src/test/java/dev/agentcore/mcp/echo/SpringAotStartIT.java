package dev.agentcore.mcp.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.mcp.testing.NodeTools;
import dev.agentcore.mcp.testing.TypeScriptSdkClient;
import dev.agentcore.mcp.testing.TypeScriptSdkClient.Call;
import dev.agentcore.testing.LoopbackProcess;
import dev.agentcore.testing.PackagedJar;
import dev.agentcore.testing.RepositoryFiles;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar started on its build-time (Spring AOT) application context, the Spring path's fast start that
 * make bench-mcp measures: the context the process-aot goal generated serves the official TypeScript client.
 */
class SpringAotStartIT {

    @Test
    void theAotProcessedContextServesEcho() throws Exception {
        try (LoopbackProcess app = PackagedJar.start(RepositoryFiles.root().resolve("mcp-servers/mcp-echo/target/mcp-echo.jar"),
                List.of("-Dspring.aot.enabled=true"), List.of("--server.port={port}", "--server.address=127.0.0.1"))) {
            JsonNode out = new TypeScriptSdkClient(NodeTools.installed()).listAndCall(
                    URI.create("http://127.0.0.1:" + app.port() + "/mcp"),
                    List.of(new Call("echo", Map.of("message", "from the AOT context"))), Map.of());

            assertThat(out.at("/results/0/result/structuredContent/message").asString()).isEqualTo("from the AOT context");
            assertThat(app.output()).contains("Starting AOT-processed EchoServerApplication");
        }
    }
}
