package dev.agentcore.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;

import dev.agentcore.core.arn.AgentCoreArns;
import dev.agentcore.local.auth.SigV4Authenticator;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.RuntimeRegistry;
import dev.agentcore.local.control.wire.ControlPlaneService;
import dev.agentcore.local.http.Router;
import dev.agentcore.local.http.ServiceServer;
import dev.agentcore.local.state.StateStore;

/**
 * A local Amazon Bedrock AgentCore, for development and tests only (production is AWS AgentCore Runtime): the
 * {@code bedrock-agentcore-control} runtime API on one port, with more parts ({@link LocalService}) on the same port.
 *
 * <pre>{@code
 * try (var agentCore = LocalAgentCore.start(LocalAgentCoreConfig.builder().build())) {
 *     var control = BedrockAgentCoreControlClient.builder().endpointOverride(agentCore.endpoint())...build();
 * }
 * }</pre>
 *
 * From a shell: {@code java -jar local-agentcore.jar [--port N] [--region R] [--account-id A] [--state-dir D]}.
 */
public final class LocalAgentCore implements AutoCloseable {

    private final LocalAgentCoreConfig config;
    private final RuntimeRegistry registry;
    private final ServiceServer server;

    private LocalAgentCore(LocalAgentCoreConfig config, RuntimeRegistry registry, ServiceServer server) {
        this.config = config;
        this.registry = registry;
        this.server = server;
    }

    /** Starts serving; the answer is ready for requests. Close it to stop and free the port. */
    public static LocalAgentCore start(LocalAgentCoreConfig config) throws IOException {
        var settings = new RuntimeRegistry.Settings("aws", config.region(), config.accountId(),
                config.provisioningDelay(), config.clock(), config.provisioner(), RandomGenerator.getDefault(),
                all -> { });
        List<AgentRuntime> saved = List.of();
        if (config.stateDirectory().isPresent()) {
            StateStore store = new StateStore(config.stateDirectory().get());
            saved = store.load();
            settings = settings.withChanges(store::save);
        }
        RuntimeRegistry registry = RuntimeRegistry.restore(settings, saved);
        SigV4Authenticator sigV4 = new SigV4Authenticator(config.region(), AgentCoreArns.SERVICE, config.clock());
        Router router = new Router();
        new ControlPlaneService(registry, sigV4).register(router);
        ServiceContext context = new ServiceContext(config.region(), config.accountId(), registry, sigV4,
                config.clock(), config.log());
        config.services().forEach(service -> service.register(router, context));
        try {
            ServiceServer server = ServiceServer.start(new InetSocketAddress(config.host(), config.port()), router,
                    config.log());
            return new LocalAgentCore(config, registry, server);
        } catch (IOException | RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:port}: the endpoint override for the SDKs and the AWS CLI. */
    public URI endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    public String region() {
        return config.region();
    }

    public String accountId() {
        return config.accountId();
    }

    /** The runtimes, versions and endpoints: what the data plane resolves invocations against. */
    public RuntimeRegistry registry() {
        return registry;
    }

    /** Method and URI template of every route served, with its operation. */
    public Map<String, String> routes() {
        return server.describeRoutes();
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }

    /** The command line: options, then serve until stopped (Ctrl-C, SIGTERM). */
    public static void main(String[] args) {
        PrintStream out = System.out;
        if (args.length == 1 && args[0].equals("--self-check")) {
            try {
                System.exit(SelfCheck.run(out) ? 0 : 1);
            } catch (IOException e) {
                System.err.println("local-agentcore self-check: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        LocalAgentCoreConfig config;
        try {
            config = Options.parse(args, System.getenv());
        } catch (Options.HelpRequested e) {
            out.println(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("local-agentcore: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        }
        LocalAgentCore agentCore;
        try {
            agentCore = start(config);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("local-agentcore: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage());
            System.exit(1);
            return;
        } catch (StateStore.UnreadableStateException e) {
            System.err.println("local-agentcore: " + e.getMessage());
            System.exit(1);
            return;
        }
        // JVM start to serving, read after the fact (the management classes are not loaded before the port is up).
        long readyMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agentCore.close();
            stopped.countDown();
        }, "local-agentcore-shutdown"));
        out.printf(Locale.ROOT, "local-agentcore: listening on %s (region %s, account %s%s), ready in %d ms%n",
                agentCore.endpoint(), config.region(), config.accountId(),
                config.stateDirectory().map(d -> ", state in " + d).orElse(""), readyMillis);
        out.println("export AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=" + agentCore.endpoint());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command-line options. */
    static final class Options {

        static final String USAGE = """
                Usage: local-agentcore --self-check
                       local-agentcore [--port N] [--host H] [--region R] [--account-id A] [--state-dir DIR]
                                       [--provisioning-delay MILLIS]
                A local Amazon Bedrock AgentCore control plane for development and tests (not for production).
                  --port N                  port to listen on; 0 (the default) picks a free one, printed at start
                  --host H                  address to bind (default 127.0.0.1)
                  --region R                region of the ARNs and of SigV4 signatures (default: AWS_REGION,
                                            AWS_DEFAULT_REGION, else us-east-1)
                  --account-id A            account of the ARNs (default: MOTO_ACCOUNT_ID, the local AWS's account,
                                            else 123456789012)
                  --state-dir DIR           keep runtimes across restarts in DIR/control-plane.json
                  --provisioning-delay MS   how long CREATING, UPDATING and DELETING last (default 500)""";

        static final class HelpRequested extends RuntimeException {
            HelpRequested() {
                super(null, null, false, false);
            }
        }

        private Options() {
        }

        static LocalAgentCoreConfig parse(String[] args, Map<String, String> env) {
            var builder = LocalAgentCoreConfig.builder();
            builder.region(firstOf(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), LocalAgentCoreConfig.DEFAULT_REGION));
            builder.accountId(firstOf(env.get("MOTO_ACCOUNT_ID"), LocalAgentCoreConfig.DEFAULT_ACCOUNT_ID));
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    throw new HelpRequested();
                }
                String name = arg;
                String value;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                switch (name) {
                    case "--port" -> builder.port(integer(name, value));
                    case "--host" -> builder.host(value);
                    case "--region" -> builder.region(value);
                    case "--account-id" -> builder.accountId(value);
                    case "--state-dir" -> builder.stateDirectory(Path.of(value));
                    case "--provisioning-delay" -> builder.provisioningDelay(Duration.ofMillis(integer(name, value)));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return builder.build();
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + option + " needs a number, not '" + value + "'");
            }
        }

        private static String firstOf(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
            throw new IllegalStateException("no default");
        }
    }
}
