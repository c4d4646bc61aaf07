package dev.agentcore.runtime.autoconfigure;

import dev.agentcore.runtime.core.AgentCoreApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Serves the core's {@link AgentCoreApp} for the application context's lifetime: built once every
 * {@code @AgentCoreEntrypoint} is known, started on {@code server.address}:{@code server.port}, and stopped on
 * shutdown giving requests in progress (open streams included) {@code spring.lifecycle.timeout-per-shutdown-phase}
 * to finish, or none with {@code server.shutdown=immediate}. The port it got is published as
 * {@code local.server.port}, as Spring Boot's own web servers do (so {@code @LocalServerPort} works).
 */
public final class AgentCoreServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgentCoreServer.class);

    private final AgentCoreApp.Builder builder;
    private final ConfigurableEnvironment environment;
    private volatile AgentCoreApp app;

    AgentCoreServer(AgentCoreApp.Builder builder, ConfigurableEnvironment environment) {
        this.builder = builder;
        this.environment = environment;
    }

    @Override
    public void start() {
        String address = environment.getProperty("server.address", "127.0.0.1");
        int port = environment.getProperty("server.port", Integer.class, AgentCoreApp.DEFAULT_PORT);
        try {
            app = builder.host(InetAddress.getByName(address)).port(port).build().start();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("server.address " + address + " is not an address: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        environment.getPropertySources().addFirst(
                new MapPropertySource("agentcoreServerPorts", Map.of("local.server.port", app.port())));
        log.info("AgentCore runtime listening on http://{}:{}", address, app.port());
    }

    @Override
    public void stop() {
        AgentCoreApp running = app;
        if (running != null) {
            running.close(shutdownGrace());
            app = null;
        }
    }

    @Override
    public boolean isRunning() {
        return app != null;
    }

    /** The port the app listens on, once started. */
    public int port() {
        AgentCoreApp running = app;
        if (running == null) {
            throw new IllegalStateException("the AgentCore server is not started");
        }
        return running.port();
    }

    private Duration shutdownGrace() {
        if ("immediate".equalsIgnoreCase(environment.getProperty("server.shutdown", "graceful"))) {
            return Duration.ZERO;
        }
        return environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class,
                Duration.ofSeconds(30));
    }
}
