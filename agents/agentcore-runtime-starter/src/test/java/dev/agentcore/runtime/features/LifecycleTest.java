package dev.agentcore.runtime.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.runtime.misconfigured.TwoEntrypointsApp;
import dev.agentcore.runtime.misconfigured.TwoWebSocketHandlersApp;
import dev.agentcore.runtime.proxied.JdkProxiedEntrypointApp;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import dev.agentcore.runtime.autoconfigure.AgentCoreServer;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up and shutdown behaviour, each on an application of its own. */
class LifecycleTest {

    @Test
    void gracefulShutdownLetsAnOpenStreamFinish() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(FeaturesAgent.class)
                .properties("server.port=0", "spring.main.banner-mode=off").run();
        int port = app.getBean(AgentCoreServer.class).port();
        FeaturesAgent.Probes probes = app.getBean(FeaturesAgent.Probes.class);

        CompletableFuture<HttpResponse<String>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"slow-stream\",\"count\":5}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(probes.entered.await(10, TimeUnit.SECONDS)).isTrue();

        app.close(); // returns once the stream has finished, within the shutdown phase timeout

        assertThat(stream.get(10, TimeUnit.SECONDS).body())
                .isEqualTo("data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\ndata: 5\n\n");
    }

    @Test
    void twoEntrypointsRefuseToStartAndNameBoth() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TwoEntrypointsApp.class)
                .properties("server.port=0", "spring.main.banner-mode=off").run())
                .hasMessageContaining("Only one @AgentCoreEntrypoint method is allowed, found 2")
                .hasMessageContaining("TwoEntrypointsApp$First#handle")
                .hasMessageContaining("TwoEntrypointsApp$Second#handle");
    }

    @Test
    void twoWebSocketHandlersRefuseToStartAndNameBoth() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TwoWebSocketHandlersApp.class)
                .properties("server.port=0", "spring.main.banner-mode=off").run())
                .hasMessageContaining("Only one @AgentCoreWebSocket method is allowed, found 2")
                .hasMessageContaining("TwoWebSocketHandlersApp$First#chat")
                .hasMessageContaining("TwoWebSocketHandlersApp$Second#chat");
    }

    @Test
    void anEntrypointBehindAJdkProxyIsFoundAndCalledThroughTheProxy() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(JdkProxiedEntrypointApp.class)
                .properties("server.port=0", "spring.main.banner-mode=off").run()) {
            assertThat(Proxy.isProxyClass(app.getBean(JdkProxiedEntrypointApp.Greeter.class).getClass())).isTrue();
            int port = app.getBean(AgentCoreServer.class).port();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("\"world\"")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("\"[advised] hello world\"");
        }
    }
}
