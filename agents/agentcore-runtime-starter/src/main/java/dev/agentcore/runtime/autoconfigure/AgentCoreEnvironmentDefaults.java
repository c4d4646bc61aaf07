package dev.agentcore.runtime.autoconfigure;

import dev.agentcore.http.BindAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives an AgentCore agent the container contract by default, each value overridable by the user's own
 * configuration: port 8080; all interfaces inside a container (as the Python SDK decides it, from
 * {@code /.dockerenv} or {@code DOCKER_CONTAINER}) and loopback otherwise; virtual threads; graceful
 * shutdown that lets open streams finish; the session id in every log line.
 */
public final class AgentCoreEnvironmentDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "agentcoreRuntimeDefaults";

    private final Path dockerMarker;

    public AgentCoreEnvironmentDefaults() {
        this(BindAddress.DOCKER_MARKER);
    }

    AgentCoreEnvironmentDefaults(Path dockerMarker) {
        this.dockerMarker = dockerMarker;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.port", "8080");
        defaults.put("server.address", BindAddress.of(BindAddress.inContainer(dockerMarker, environment::containsProperty))
                .getHostAddress());
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "30s");
        // A refused body (over the size limit) is not read on after the answer: the connection closes at once
        // instead of Tomcat reading up to 2 MB more of it.
        defaults.put("server.tomcat.max-swallow-size", "0");
        defaults.put("logging.pattern.correlation", "[session=%X{sessionId:-} request=%X{requestId:-}] ");
        // Lowest precedence: anything the application or the environment sets wins.
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
