package dev.agentcore.mcp.lean;

import dev.agentcore.http.BindAddress;
import dev.agentcore.http.HttpLimits;
import dev.agentcore.http.LeanHttpServer;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stateless MCP server over streamable HTTP ({@code POST /mcp}, JSON answers, no session) on the MCP Java SDK's
 * transport-agnostic stateless server and the lean-http server: no Spring, no servlet container.
 *
 * <pre>{@code
 * LeanMcpServer.builder().serverInfo("echo", "0.1.0").tool(echoTool).build().run();
 * }</pre>
 *
 * Bounded from the start: bodies (4 MiB by default, {@code 413}), the time a request may take to arrive
 * ({@code 408}), the size of every error text; it listens on loopback outside a container and then checks
 * {@code Host} and {@code Origin} against loopback names (DNS rebinding); in a container (AgentCore's, which
 * forwards its own Host) it listens on all interfaces and checks only what it is told to.
 *
 * <p>Cold start: the server listens first and makes the SDK server with its features (tool schemas, the schema
 * validator) afterwards, while a second SDK server, with the same settings and no features, answers
 * {@code initialize}, whose answer depends on the settings only. Every other message waits until the server with
 * the features is made, so no client sees a server without its tools.
 */
public final class LeanMcpServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 8000;
    /** How long {@link #run()} waits for a first request before it makes the server's features anyway. */
    public static final Duration FEATURES_AT_THE_LATEST = Duration.ofSeconds(1);
    static final List<String> LOOPBACK_HOSTS = List.of("localhost:*", "127.0.0.1:*", "[::1]:*", "localhost",
            "127.0.0.1", "[::1]");
    static final List<String> LOOPBACK_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");

    private static final System.Logger log = System.getLogger(LeanMcpServer.class.getName());

    private final Builder settings;
    private final ServerCapabilities capabilities;
    private final JsonSchemaValidator schemaValidator;
    private final LeanStatelessTransport transport;
    private final McpStatelessSyncServer initializer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile McpStatelessSyncServer mcp;
    private LeanHttpServer http;

    private LeanMcpServer(Builder builder) {
        this.settings = builder;
        this.transport = new LeanStatelessTransport(builder.endpoint, builder.json, securityValidator(builder),
                builder.maxRequestBytes);
        ServerCapabilities.Builder capabilities = ServerCapabilities.builder();
        if (!builder.tools.isEmpty() || !builder.toolFactories.isEmpty()) {
            capabilities.tools(false);
        }
        if (!builder.resources.isEmpty()) {
            capabilities.resources(false, false); // no subscriptions: there is no session to send updates on
        }
        if (!builder.prompts.isEmpty()) {
            capabilities.prompts(false);
        }
        this.capabilities = capabilities.build();
        // The validator the SDK would find for itself (McpJsonDefaults), without its class path scan, made on first use.
        this.schemaValidator = new LazySchemaValidator(DefaultJsonSchemaValidator::new);
        this.initializer = sdkServer(transport.initializeOnly(), List.of(), List.of(), List.of());
    }

    /** An SDK server on a transport, with the features given and the settings both servers share. */
    private McpStatelessSyncServer sdkServer(McpStatelessServerTransport on, List<SyncToolSpecification> tools,
            List<SyncResourceSpecification> resources, List<SyncPromptSpecification> prompts) {
        return McpServer.sync(on)
                .serverInfo(settings.name, settings.version)
                .jsonMapper(settings.json)
                .jsonSchemaValidator(schemaValidator)
                .capabilities(capabilities)
                .requestTimeout(settings.requestTimeout)
                .validateToolInputs(true)
                // Handlers run on the request's own virtual thread, which waits for them anyway.
                .immediateExecution(true)
                .tools(tools)
                .resources(resources)
                .prompts(prompts)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds, then makes the server's features (tool schemas, the schema validator) and the SDK server that serves
     * them on this thread, while {@code initialize} is already answered; returns once every request is served. What
     * making the features throws (an invalid tool schema, a duplicate tool name) is thrown from here after the port
     * is closed again.
     */
    public LeanMcpServer start() throws IOException {
        listen();
        makeFeatures();
        return this;
    }

    /**
     * Serves until the process is stopped; calls in progress get 10 s to finish on SIGTERM. Unlike {@link #start()}
     * it answers the first client before making the features: they are made once the first request is answered, a
     * message that needs them arrives, or {@link #FEATURES_AT_THE_LATEST} has passed, whichever comes first. On two
     * cores the JIT compiler already takes one, and making them beside the first request would slow it down; a
     * client's next request waits for them, and a server nobody calls still fails within a second on a bad tool.
     */
    public void run() {
        try {
            listen();
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + settings.host.getHostAddress() + ":"
                    + settings.port + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "mcp-shutdown"));
        try {
            transport.awaitFirstAnswer(FEATURES_AT_THE_LATEST);
            makeFeatures();
            log.log(System.Logger.Level.INFO, "MCP server " + settings.name + " listening on http://"
                    + settings.host.getHostAddress() + ":" + port() + settings.endpoint);
            http.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() throws IOException {
        http = LeanHttpServer.builder()
                .address(settings.host)
                .port(settings.port)
                .limits(HttpLimits.DEFAULTS.withMaxBodyBytes(settings.maxRequestBytes)
                        .withBodyTimeout(settings.bodyTimeout))
                .errorBody(JsonRpcRefusals::httpLevel)
                .handler(transport::serve)
                .name("mcp")
                .start();
    }

    private void makeFeatures() {
        try {
            List<SyncToolSpecification> tools = new ArrayList<>(settings.tools);
            for (ToolFactory factory : settings.toolFactories) {
                tools.addAll(factory.tools(settings.json));
            }
            mcp = sdkServer(transport, tools, settings.resources, settings.prompts);
        } catch (RuntimeException | Error e) {
            transport.notServing(e);
            close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // closed after a failed start and again by the shutdown hook
        }
        if (http != null) {
            http.close(Duration.ofSeconds(10));
        }
        if (mcp != null) {
            mcp.close();
        }
        initializer.close();
    }

    /** The JSON mapper the SDK would find for itself (McpJsonDefaults), without its class path scan. */
    static McpJsonMapper defaultJsonMapper() {
        return new JacksonMcpJsonMapper(JsonMapper.shared());
    }

    private static ServerTransportSecurityValidator securityValidator(Builder builder) {
        List<String> hosts = builder.allowedHosts;
        List<String> origins = builder.allowedOrigins;
        if (hosts == null && origins == null && !builder.host.isAnyLocalAddress()) {
            hosts = LOOPBACK_HOSTS;
            origins = LOOPBACK_ORIGINS;
        }
        if (hosts == null && origins == null) {
            return ServerTransportSecurityValidator.NOOP;
        }
        return DefaultServerTransportSecurityValidator.builder()
                .allowedHosts(hosts == null ? List.of() : hosts)
                .allowedOrigins(origins == null ? List.of() : origins)
                .build();
    }

    /** Makes tool definitions with the server's JSON mapper (see {@link Builder#tools(ToolFactory)}). */
    @FunctionalInterface
    public interface ToolFactory {
        List<SyncToolSpecification> tools(McpJsonMapper json);
    }

    /** Settings; the server info and at least one feature are what a server needs. */
    public static final class Builder {
        private String name = "mcp-server";
        private String version = "0.1.0";
        private String endpoint = "/mcp";
        private McpJsonMapper json;
        private InetAddress host;
        private int port = DEFAULT_PORT;
        private long maxRequestBytes = 4L * 1024 * 1024;
        private Duration bodyTimeout = Duration.ofSeconds(30);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private List<String> allowedHosts;
        private List<String> allowedOrigins;
        private final List<SyncToolSpecification> tools = new ArrayList<>();
        private final List<ToolFactory> toolFactories = new ArrayList<>();
        private final List<SyncResourceSpecification> resources = new ArrayList<>();
        private final List<SyncPromptSpecification> prompts = new ArrayList<>();

        private Builder() {
            host = BindAddress.forThisProcess();
        }

        public Builder serverInfo(String name, String version) {
            this.name = Objects.requireNonNull(name, "name");
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        public Builder endpoint(String endpoint) {
            if (!endpoint.startsWith("/")) {
                throw new IllegalArgumentException("endpoint must start with '/', was '" + endpoint + "'");
            }
            this.endpoint = endpoint;
            return this;
        }

        public Builder jsonMapper(McpJsonMapper json) {
            this.json = Objects.requireNonNull(json, "json");
            return this;
        }

        /** The address; all interfaces in a container, loopback otherwise. */
        public Builder host(InetAddress host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder maxRequestBytes(long bytes) {
            this.maxRequestBytes = bytes;
            return this;
        }

        /** How long a body may take to arrive once it starts. */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** How long a handler may take. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Host header patterns ({@code localhost:*}); by default loopback names when bound to a loopback address,
         * none (any Host) when bound to all interfaces, as in AgentCore's container.
         */
        public Builder allowedHosts(List<String> patterns) {
            this.allowedHosts = List.copyOf(patterns);
            return this;
        }

        public Builder allowedOrigins(List<String> patterns) {
            this.allowedOrigins = List.copyOf(patterns);
            return this;
        }

        public Builder tool(SyncToolSpecification tool) {
            tools.add(Objects.requireNonNull(tool, "tool"));
            return this;
        }

        /**
         * Tools made by {@link #start()} once the server listens, with the server's JSON mapper: generating a tool's
         * JSON schemas is most of a cold start, and {@code initialize} does not wait for it.
         */
        public Builder tools(ToolFactory factory) {
            toolFactories.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        public Builder resource(SyncResourceSpecification resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        public Builder prompt(SyncPromptSpecification prompt) {
            prompts.add(Objects.requireNonNull(prompt, "prompt"));
            return this;
        }

        public LeanMcpServer build() {
            if (json == null) {
                json = defaultJsonMapper();
            }
            return new LeanMcpServer(this);
        }
    }
}
