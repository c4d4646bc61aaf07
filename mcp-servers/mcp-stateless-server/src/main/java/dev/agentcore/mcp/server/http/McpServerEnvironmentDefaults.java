package dev.agentcore.mcp.server.http;

import dev.agentcore.http.BindAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where an MCP server listens and whom it answers, by default (each overridable by the application's own
 * configuration).
 *
 * <p>In a container ({@code /.dockerenv} or {@code DOCKER_CONTAINER}, as the Python AgentCore SDK decides it; the
 * images set {@code SERVER_ADDRESS=0.0.0.0} explicitly too) it listens on all interfaces and accepts any Host,
 * because AgentCore reaches the microVM from outside and forwards its own Host. Anywhere else it listens on loopback
 * only and accepts only loopback Host and Origin headers: loopback alone does not stop DNS rebinding, where a web
 * page's own name resolves to 127.0.0.1 and the developer's browser posts to the server.
 *
 * <p>Always: virtual threads, so that a slow client blocks no platform thread (250 clients sending a byte a second
 * took all of Tomcat's 200), a 10 s connector read timeout, so that a silent client is dropped, and no reading of a
 * refused body after the answer.
 */
public final class McpServerEnvironmentDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "mcpServerDefaults";

    /** Host patterns of the loopback names, any port. */
    static final String LOOPBACK_HOSTS = "localhost:*,127.0.0.1:*,[::1]:*";

    /** Origins of pages served from the loopback names, any port. */
    static final String LOOPBACK_ORIGINS = "http://localhost:*,http://127.0.0.1:*,http://[::1]:*";

    private final Path dockerMarker;

    public McpServerEnvironmentDefaults() {
        this(BindAddress.DOCKER_MARKER);
    }

    McpServerEnvironmentDefaults(Path dockerMarker) {
        this.dockerMarker = dockerMarker;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        boolean inContainer = BindAddress.inContainer(dockerMarker, environment::containsProperty);
        defaults.put("server.address", BindAddress.of(inContainer).getHostAddress());
        if (!inContainer) {
            defaults.put("mcp.server.allowed-hosts", LOOPBACK_HOSTS);
            defaults.put("mcp.server.allowed-origins", LOOPBACK_ORIGINS);
        }
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("server.tomcat.connection-timeout", "10s");
        // A refused body (too large, too slow) is not read to its end after the answer: the connection closes.
        // Tomcat would otherwise go on reading up to 2 MB of it, a byte a second.
        defaults.put("server.tomcat.max-swallow-size", "0");
        // Idle keep-alive connections (the AgentCore proxy's) stay as long as before the read timeout was set.
        defaults.put("server.tomcat.keep-alive-timeout", "60s");
        // Lowest precedence: anything the application or the environment sets wins.
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
