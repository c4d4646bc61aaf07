package dev.agentcore.runtime.core;

import dev.agentcore.http.BindAddress;
import dev.agentcore.http.ErrorBody;
import dev.agentcore.http.Exchange;
import dev.agentcore.http.HttpLimits;
import dev.agentcore.http.JsonText;
import dev.agentcore.http.LeanHttpServer;
import dev.agentcore.http.WebSocketConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * An AgentCore Runtime agent server without a framework, in the shape of the Python SDK's
 * {@code BedrockAgentCoreApp}: build an app, register an entry point, run.
 *
 * <pre>{@code
 * AgentCoreApp.builder()
 *         .entrypoint(Ask.class, (ask, context) -> agent.stream(ask.prompt()))
 *         .build()
 *         .run();
 * }</pre>
 *
 * It serves {@code POST /invocations} (JSON or server-sent events), {@code GET /ping} ({@code Healthy} or
 * {@code HealthyBusy}) and {@code /ws} on port 8080, on all interfaces in a container and on loopback otherwise,
 * one virtual thread per connection, so {@code /ping} answers while entry points run. Bodies are bounded by
 * AgentCore's own payload limit (100,000,000 bytes, answered {@code 413}), and by the time they may take to arrive.
 */
public final class AgentCoreApp implements AutoCloseable {

    private static final System.Logger log = System.getLogger(AgentCoreApp.class.getName());

    /** AgentCore's own limit on an InvokeAgentRuntime payload (the data plane's {@code Body} blob maximum). */
    public static final long AGENTCORE_MAX_PAYLOAD_BYTES = 100_000_000L;
    /** Larger WebSocket messages close the connection with 1009, as uvicorn's default {@code ws_max_size}. */
    public static final long MAX_WEBSOCKET_MESSAGE_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_PORT = 8080;

    private static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";
    // 12:00:00.000 INFO dev.agentcore.runtime.core.AgentCoreApp: AgentCore app listening on ...
    private static final String ONE_LINE_LOG_FORMAT = "%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n";

    // {"error": "...", "details": "..."}: what the server answers for what it refuses before the app sees it.
    private static final ErrorBody ERRORS = (status, message) -> ("{\"error\":" + JsonText.quote(
            dev.agentcore.http.ReasonPhrases.of(status)) + ",\"details\":" + JsonText.quote(message) + "}")
            .getBytes(StandardCharsets.UTF_8);

    private static final byte[] NOT_FOUND = "Not Found".getBytes(StandardCharsets.US_ASCII);

    private final Builder settings;
    private final AgentCoreTasks tasks;
    private final AgentCoreHealth health;
    private final Invocations invocations;
    private final WebSockets webSockets;
    private volatile LeanHttpServer server;

    private AgentCoreApp(Builder builder) {
        this.settings = builder;
        this.tasks = builder.tasks;
        this.health = builder.health;
        if (builder.pingHandler != null) {
            health.useCustomHandler(builder.pingHandler);
        }
        Supplier<WireJson> json = new Supplier<>() {
            private volatile WireJson wire;

            @Override
            public WireJson get() {
                WireJson current = wire;
                if (current == null) {
                    synchronized (this) {
                        if (wire == null) {
                            wire = new WireJson(builder.mapper != null ? builder.mapper : JsonMapper.builder().build());
                        }
                        current = wire;
                    }
                }
                return current;
            }
        };
        Entrypoint entrypoint = builder.entrypoint;
        if (builder.typed != null) {
            entrypoint = builder.typed.apply(() -> json.get().mapper());
        }
        this.invocations = new Invocations(entrypoint, json,
                builder.debugActions ? new DebugActions(health, tasks) : null,
                new Invocations.Limits(builder.maxRequestBytes, builder.maxRequestBytesInFlight,
                        builder.settingNames.maxRequestBytes(), builder.settingNames.maxRequestBytesInFlight()));
        this.webSockets = new WebSockets(builder.webSocketHandler, builder.maxWebSocketMessageBytes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving; returns at once. */
    public AgentCoreApp start() throws IOException {
        HttpLimits limits = HttpLimits.DEFAULTS.withMaxBodyBytes(settings.maxRequestBytes)
                .withBodyTimeout(settings.bodyTimeout);
        server = LeanHttpServer.builder()
                .address(settings.host)
                .port(settings.port)
                .limits(limits)
                .errorBody(ERRORS)
                .handler(this::route)
                .name("agentcore")
                .start();
        return this;
    }

    /**
     * Starts and serves until the process is stopped: on SIGTERM, requests in progress (open streams included)
     * get up to 30 s to finish, as the platform allows before it kills the session.
     */
    public void run() {
        try {
            start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + settings.host.getHostAddress() + ":" + settings.port
                    + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.close(Duration.ofSeconds(30)), "agentcore-shutdown"));
        log.log(Level.INFO, "AgentCore app listening on http://" + settings.host.getHostAddress() + ":" + port());
        try {
            server.awaitClosed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The {@code main} of an agent configured by its environment only, as the samples are:
     * {@code AgentCoreApp.runFromEnvironment("hello-agent", args, Agent::configured)}. {@code configure} builds the app
     * from the process environment; a setting it refuses with an {@link IllegalArgumentException} (no model, a port that
     * is not one) is one line on standard error, {@code <name>: <message>}, and exit status 1, never a stack trace; so is
     * any command-line argument, since the settings are variables. Log records are one line each, unless the command
     * line sets {@code java.util.logging.SimpleFormatter.format}. Then the app runs until the process is stopped.
     */
    public static void runFromEnvironment(String name, String[] args, Function<Map<String, String>, AgentCoreApp> configure) {
        // Before anything logs: the log manager reads the format once.
        System.setProperty(LOG_FORMAT_PROPERTY, System.getProperty(LOG_FORMAT_PROPERTY, ONE_LINE_LOG_FORMAT));
        AgentCoreApp app;
        try {
            if (args.length > 0) {
                throw new IllegalArgumentException("it takes no arguments; its settings are environment variables, "
                        + "for example SERVER_PORT=8080");
            }
            app = configure.apply(System.getenv());
        } catch (IllegalArgumentException unusable) {
            System.err.println(name + ": " + unusable.getMessage());
            System.exit(1);
            return;
        }
        app.run();
    }

    /** The port the app listens on, once started. */
    public int port() {
        LeanHttpServer running = server;
        if (running == null) {
            throw new IllegalStateException("the app is not started");
        }
        return running.port();
    }

    /** Background tasks ({@code add_async_task} / {@code complete_async_task}). */
    public AgentCoreTasks tasks() {
        return tasks;
    }

    /** The ping status ({@code force_ping_status} / {@code clear_forced_ping_status}). */
    public AgentCoreHealth health() {
        return health;
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /** Stops accepting and gives requests in progress (open streams included) up to {@code grace} to finish. */
    public void close(Duration grace) {
        LeanHttpServer running = server;
        if (running != null) {
            running.close(grace);
        }
    }

    private void route(Exchange exchange) throws IOException {
        String method = exchange.method();
        switch (exchange.path()) {
            case "/ping" -> {
                if (method.equals("GET") || method.equals("HEAD")) {
                    ping(exchange);
                } else {
                    notAllowed(exchange, "GET, HEAD");
                }
            }
            case "/invocations" -> {
                if (method.equals("POST")) {
                    invocations.serve(exchange);
                } else {
                    notAllowed(exchange, "POST");
                }
            }
            case "/ws" -> {
                if (WebSocketConnection.isUpgradeRequest(exchange)) {
                    webSockets.serve(exchange);
                } else {
                    notFound(exchange); // Starlette: a WebSocket route matches no plain HTTP request
                }
            }
            default -> notFound(exchange);
        }
    }

    private void ping(Exchange exchange) throws IOException {
        String body;
        try {
            body = health.ping().json();
        } catch (RuntimeException e) {
            // As the reference does: a failing status check still answers Healthy.
            log.log(Level.ERROR, "Ping endpoint failed: " + e.getMessage());
            body = new AgentCoreHealth.Ping(PingStatus.HEALTHY, settings.clock.instant().getEpochSecond()).json();
        }
        exchange.respond(200, Invocations.JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Starlette's own 404, byte for byte: {@code text/plain} "Not Found". */
    private static void notFound(Exchange exchange) throws IOException {
        exchange.respond(404, "text/plain; charset=utf-8", NOT_FOUND);
    }

    private static void notAllowed(Exchange exchange, String allowed) throws IOException {
        exchange.header("Allow", allowed);
        exchange.respond(405, Invocations.JSON, ERRORS.json(405, "this route accepts " + allowed));
    }

    /** Settings; everything but the entry point has the Python SDK's default. */
    public static final class Builder {
        private final Clock clock;
        private final AgentCoreTasks tasks;
        private final AgentCoreHealth health;
        private Entrypoint entrypoint;
        private java.util.function.Function<Supplier<JsonMapper>, Entrypoint> typed;
        private WebSocketHandler webSocketHandler;
        private Supplier<?> pingHandler;
        private InetAddress host;
        private int port = DEFAULT_PORT;
        private long maxRequestBytes = AGENTCORE_MAX_PAYLOAD_BYTES;
        // Parsing takes several times a body's size for a moment: a tenth of the heap leaves room for that.
        private long maxRequestBytesInFlight = Math.max(1, Runtime.getRuntime().maxMemory() / 10);
        private SettingNames settingNames = new SettingNames("maxRequestBytes", "maxRequestBytesInFlight");
        private long maxWebSocketMessageBytes = MAX_WEBSOCKET_MESSAGE_BYTES;
        private Duration bodyTimeout = Duration.ofSeconds(60);
        private boolean debugActions;
        private JsonMapper mapper;

        private Builder() {
            this(Clock.systemUTC());
        }

        private Builder(Clock clock) {
            this.clock = clock;
            this.tasks = new AgentCoreTasks(clock);
            this.health = new AgentCoreHealth(tasks, clock);
            this.host = BindAddress.forThisProcess();
        }

        /** The entry point, taking the payload as JSON ({@code @app.entrypoint}). */
        public Builder entrypoint(Entrypoint entrypoint) {
            this.entrypoint = Objects.requireNonNull(entrypoint, "entrypoint");
            this.typed = null;
            return this;
        }

        /** The entry point, taking the payload bound to a type; a payload that does not bind is a 400. */
        public <T> Builder entrypoint(Class<T> payloadType, Entrypoint.Typed<T> entrypoint) {
            Objects.requireNonNull(payloadType, "payloadType");
            Objects.requireNonNull(entrypoint, "entrypoint");
            this.entrypoint = null;
            this.typed = mapper -> new LazyTyped<>(payloadType, entrypoint, mapper);
            return this;
        }

        /** The {@code /ws} handler ({@code @app.websocket}). */
        public Builder websocket(WebSocketHandler handler) {
            this.webSocketHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** A custom ping status ({@code @app.ping}): a {@link PingStatus}, its wire value, or null for automatic. */
        public Builder ping(Supplier<?> handler) {
            this.pingHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** The port; 8080 by default, 0 for any free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to listen on; all interfaces in a container, loopback otherwise. */
        public Builder host(InetAddress host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The largest {@code /invocations} body; AgentCore's own 100,000,000 bytes by default. */
        public Builder maxRequestBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxRequestBytes must be positive, was " + bytes);
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /**
         * How many body bytes are read and parsed at once, across requests; past it a request waits (then
         * {@code 503}). One request alone always proceeds, whatever its size up to {@link #maxRequestBytes}. A tenth
         * of the maximum heap by default.
         */
        public Builder maxRequestBytesInFlight(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxRequestBytesInFlight must be positive, was " + bytes);
            }
            this.maxRequestBytesInFlight = bytes;
            return this;
        }

        /** What the 413 and 503 answers call the two body limits: an adapter names its own properties. */
        public Builder settingNames(SettingNames names) {
            this.settingNames = Objects.requireNonNull(names, "names");
            return this;
        }

        public Builder maxWebSocketMessageBytes(long bytes) {
            this.maxWebSocketMessageBytes = bytes;
            return this;
        }

        /** How long a body may take to arrive once it starts; 60 s by default. */
        public Builder bodyTimeout(Duration timeout) {
            this.bodyTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The reference's debug actions ({@code BedrockAgentCoreApp(debug=True)}); off by default. */
        public Builder debugActions(boolean enabled) {
            this.debugActions = enabled;
            return this;
        }

        /** The Jackson mapper for payloads and results; a default one, made on the first invocation, otherwise. */
        public Builder jsonMapper(JsonMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            return this;
        }

        /** The app's background tasks, for entry points that register work before the app is built. */
        public AgentCoreTasks tasks() {
            return tasks;
        }

        public AgentCoreHealth health() {
            return health;
        }

        public AgentCoreApp build() {
            return new AgentCoreApp(this);
        }
    }

    /** The names of the body limits as the application's configuration spells them, for the answers that cite them. */
    public record SettingNames(String maxRequestBytes, String maxRequestBytesInFlight) {
        public SettingNames {
            Objects.requireNonNull(maxRequestBytes, "maxRequestBytes");
            Objects.requireNonNull(maxRequestBytesInFlight, "maxRequestBytesInFlight");
        }
    }

    /** A typed entry point whose mapper is made on the first call, with the one the results are written with. */
    private static final class LazyTyped<T> implements Entrypoint {
        private final Class<T> type;
        private final Entrypoint.Typed<T> handler;
        private final Supplier<JsonMapper> mapper;
        private volatile TypedEntrypoint<T> bound;

        LazyTyped(Class<T> type, Entrypoint.Typed<T> handler, Supplier<JsonMapper> mapper) {
            this.type = type;
            this.handler = handler;
            this.mapper = mapper;
        }

        @Override
        public Object invoke(tools.jackson.databind.JsonNode payload, AgentCoreContext context) throws Exception {
            TypedEntrypoint<T> current = bound;
            if (current == null) {
                current = new TypedEntrypoint<>(type, handler, mapper.get());
                bound = current;
            }
            return current.invoke(payload, context);
        }
    }
}
