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
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.random.RandomGenerator;

import dev.agentcore.core.arn.AgentCoreArns;
import dev.agentcore.local.auth.SigV4Authenticator;
import dev.agentcore.local.auth.SigningCredentials;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.RuntimeRegistry;
import dev.agentcore.local.control.wire.ControlPlaneService;
import dev.agentcore.local.http.Router;
import dev.agentcore.local.http.ServiceServer;
import dev.agentcore.local.runner.SessionRunnerReport;
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
        // Every signature is recomputed from its key's secret, as AWS's front door does (auth/package-info.java).
        SigV4Authenticator sigV4 = SigV4Authenticator.builder(config.region(), AgentCoreArns.SERVICE)
                .clock(config.clock()).credentials(config.credentials()).build();
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

    /** The JDK server underneath, for parts with their own handlers under their own path prefix (see LocalStack). */
    com.sun.net.httpserver.HttpServer httpServer() {
        return server.httpServer();
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

    /** The command line: options, then serve until stopped (Ctrl-C, SIGTERM: every session stopped, exit 0). */
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
        if (args.length > 0 && args[0].equals(BedrockEcho.COMMAND)) {
            System.exit(BedrockEcho.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals(PushImage.COMMAND)) {
            System.exit(PushImage.run(java.util.Arrays.copyOfRange(args, 1, args.length), out,
                    System.err));
            return;
        }
        LocalStack.Settings settings;
        try {
            settings = Options.parseStack(args, System.getenv());
        } catch (Options.HelpRequested e) {
            out.println(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("local-agentcore: " + e.getMessage());
            System.err.println("Run with --help for the options.");
            System.exit(2);
            return;
        }
        LocalAgentCoreConfig config = settings.agentCore();
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("local-agentcore: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage());
            System.exit(1);
            return;
        } catch (StateStore.UnreadableStateException e) {
            System.err.println("local-agentcore: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            // Such as no JDK to run sessions with: one line, no stack trace.
            System.err.println("local-agentcore: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        // JVM start to serving, read after the fact (the management classes are not loaded before the port is up).
        long readyMillis = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        CountDownLatch stopped = new CountDownLatch(1);
        Runnable stop = () -> {
            stack.close();
            stopped.countDown();
        };
        // A stop by signal is the normal way to end this service: every session stopped, then exit 0 (not 143).
        for (String signal : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(signal), ignored -> {
                    stop.run();
                    System.exit(0);
                });
            } catch (IllegalArgumentException e) {
                // The signal is not available here (or the JVM was started with -Xrs): the shutdown hook stops all.
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "local-agentcore-shutdown"));
        URI endpoint = stack.endpoint();
        out.printf(Locale.ROOT, "local-agentcore: listening on %s (region %s, account %s%s), ready in %d ms%n",
                endpoint, config.region(), config.accountId(),
                config.stateDirectory().map(d -> ", state in " + d).orElse(""), readyMillis);
        out.println("export AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=" + endpoint);
        out.println("export AWS_ENDPOINT_URL_BEDROCK_AGENTCORE=" + endpoint);
        out.println("export LOCAL_AGENTCORE_COGNITO_URL=" + stack.cognitoBase());
        out.println("# Cognito: a pool's domain (AGENTCORE_COGNITO_DOMAIN) is " + stack.cognitoBase()
                + "/<pool id or domain prefix>, its token endpoint that + /oauth2/token; runtimes keep"
                + " https://cognito-idp." + config.region() + ".amazonaws.com/<pool id>/.well-known/openid-configuration"
                + " as discoveryUrl (fetched here)" + (settings.awsEndpoint().isPresent()
                ? "; pools from " + settings.awsEndpoint().get() : "; no pools: start with --aws-endpoint"));
        out.println("# images: " + stack.images().folder() + " (local-agentcore push-image URI TAR); session logs: "
                + stack.logDirectory());
        // The project's rule: say which runner serves sessions and why, whether or not a Docker engine is here.
        out.println("# " + SessionRunnerReport.detect(stack.sessions().runner(), System.getenv()).line());
        out.println("# SigV4 callers (signatures verified): " + String.join(", ", callers(settings))
                + (settings.awsEndpoint().isPresent()
                ? ", and every access key and session the local AWS issued; policies from the local AWS's IAM"
                : " (the default caller may invoke and stop every runtime)"));
        out.println(stack.awsGateway().map(gateway -> "# sessions: credentials of their runtime's execution role"
                + " (STS AssumeRole on the local AWS, session BedrockAgentCore-<session id>); AWS_ENDPOINT_URL="
                + gateway + " (the AWS gateway: the role's policies checked, then the local AWS; Bedrock Converse"
                + " answered by a local echo model)")
                .orElse("# sessions: the static pair local/local for every execution role (no --aws-endpoint: no STS,"
                        + " no AWS gateway, the role's grants are not checked on what the agent calls)"));
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each caller's key, principal and where its secret is, never the secret itself unless it is the key id. */
    private static List<String> callers(LocalStack.Settings settings) {
        Map<String, SigningCredentials> all = new java.util.TreeMap<>();
        settings.callers().forEach(c -> all.put(c.accessKeyId(), c));
        all.putIfAbsent(LocalStack.Settings.LOCAL_ACCESS_KEY,
                LocalAgentCoreConfig.staticPair(settings.agentCore().accountId()));
        return all.values().stream().map(c -> "access key " + c.accessKeyId() + " is " + c.principal()
                + (c.secretAccessKey().equals(c.accessKeyId()) ? " (secret " + c.secretAccessKey() + ")"
                        : " (secret as given)")).toList();
    }

    /** The command-line options. */
    static final class Options {

        static final String USAGE = """
                Usage: local-agentcore --self-check
                       local-agentcore push-image URI TAR [--image-dir DIR | --state-dir DIR]
                       local-agentcore bedrock-echo [--port N] [--host H] [--region R] [--account-id A] [--caller ...]
                       local-agentcore [--port N] [--host H] [--region R] [--account-id A] [--state-dir DIR]
                                       [--provisioning-delay MILLIS] [--image URI=TAR]... [--image-dir DIR]
                                       [--work-dir DIR] [--log-dir DIR] [--max-sessions N] [--aws-endpoint URL]
                                       [--caller ACCESS_KEY[:SECRET]=PRINCIPAL_ARN]... [--require-mmdsv2 true|false]
                                       [--check-images true|false] [--iam-cache MILLIS]
                A local Amazon Bedrock AgentCore for development and tests (not for production): control plane, data
                plane (runtimes' Jib images run as one process per session) and Cognito-compatible tokens, one port.
                bedrock-echo serves the AWS gateway's Bedrock echo model alone (Converse, ConverseStream; no local AWS),
                signed with the static pair or a --caller, and prints its AWS_ENDPOINT_URL_BEDROCK_RUNTIME.
                  --port N                  port to listen on; 0 (the default) picks a free one, printed at start
                  --host H                  address to bind (default 127.0.0.1)
                  --region R                region of the ARNs and of SigV4 signatures (default: AWS_REGION,
                                            AWS_DEFAULT_REGION, else us-east-1)
                  --account-id A            account of the ARNs (default: MOTO_ACCOUNT_ID, the local AWS's account,
                                            else 123456789012)
                  --state-dir DIR           keep runtimes across restarts in DIR/control-plane.json; images default
                                            to DIR/images, the runner's files to DIR/runner
                  --provisioning-delay MS   how long CREATING, UPDATING and DELETING last (default 500)
                  --image URI=TAR           serve the Jib image tar TAR as containerUri URI (repeatable; not copied)
                  --image-dir DIR           the local image store, where push-image writes (default DIR/images of
                                            --state-dir, else a temporary folder)
                  --work-dir DIR            where images are unpacked and sessions live (default DIR/runner of
                                            --state-dir, else a temporary folder removed at exit)
                  --log-dir DIR             the sessions' logs (default: logs in the work folder)
                  --max-sessions N          sessions running at once (default 16); more answer ThrottlingException
                  --aws-endpoint URL        the local AWS (moto): IAM policies of callers and execution roles, and
                                            Cognito user pools for the token endpoint (default: none; then the
                                            default caller may invoke every runtime and there are no pools)
                  --caller KEY:SECRET=ARN   the SigV4 access key KEY, whose secret is SECRET, belongs to principal ARN
                                            (repeatable); KEY=ARN: its secret is KEY. Always also the static pair
                                            local:local=arn:aws:iam::ACCOUNT:user/local unless KEY is local, and with
                                            --aws-endpoint every key and session the local AWS issued. Signatures are
                                            verified: a wrong secret answers InvalidSignatureException
                  --require-mmdsv2 BOOL     refuse invocations of runtimes without metadataConfiguration.requireMMDSV2
                                            as AWS does (default true)
                  --check-images BOOL       check at Create/Update that the image is in the store and arm64, as AWS
                                            does (default true); false defers it to a session's start
                  --iam-cache MS            with --aws-endpoint, reuse a principal's IAM policies for MS (default
                                            5000: IAM is eventually consistent too); 0 reads IAM on every request""";

        static final class HelpRequested extends RuntimeException {
            HelpRequested() {
                super(null, null, false, false);
            }
        }

        private Options() {
        }

        /** The control plane's part of the options (all options are accepted). */
        static LocalAgentCoreConfig parse(String[] args, Map<String, String> env) {
            return parseStack(args, env).agentCore();
        }

        static LocalStack.Settings parseStack(String[] args, Map<String, String> env) {
            var builder = LocalAgentCoreConfig.builder();
            builder.region(firstOf(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), LocalAgentCoreConfig.DEFAULT_REGION));
            builder.accountId(firstOf(env.get("MOTO_ACCOUNT_ID"), LocalAgentCoreConfig.DEFAULT_ACCOUNT_ID));
            Path imageDir = null;
            Path workDir = null;
            Path logDir = null;
            Map<String, Path> images = new java.util.LinkedHashMap<>();
            List<SigningCredentials> callers = new java.util.ArrayList<>();
            int maxSessions = LocalStack.Settings.DEFAULT_MAX_SESSIONS;
            URI awsEndpoint = null;
            boolean requireMmdsV2 = true;
            boolean checkImages = true;
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
                    case "--image" -> {
                        String[] pair = pair(name, value, "URI=TAR");
                        Path tar = Path.of(pair[1]);
                        if (!java.nio.file.Files.isRegularFile(tar)) {
                            throw new IllegalArgumentException("option --image: no image tar at " + tar);
                        }
                        images.put(dev.agentcore.local.hosting.ImageStore.normalize(pair[0]), tar);
                    }
                    case "--image-dir" -> imageDir = Path.of(value);
                    case "--work-dir" -> workDir = Path.of(value);
                    case "--log-dir" -> logDir = Path.of(value);
                    case "--max-sessions" -> maxSessions = integer(name, value);
                    case "--aws-endpoint" -> awsEndpoint = url(name, value);
                    case "--caller" -> callers.add(caller(value));
                    case "--require-mmdsv2" -> requireMmdsV2 = bool(name, value);
                    case "--check-images" -> checkImages = bool(name, value);
                    case "--iam-cache" -> builder.iamCache(Duration.ofMillis(integer(name, value)));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new LocalStack.Settings(builder.build(), Optional.ofNullable(imageDir), Optional.ofNullable(workDir),
                    Optional.ofNullable(logDir), images, maxSessions, Optional.ofNullable(awsEndpoint), callers,
                    requireMmdsV2, checkImages);
        }

        /**
         * {@code KEY:SECRET=ARN}, or {@code KEY=ARN} whose secret is KEY (a convenience for local scripts). The ARN
         * starts at the first {@code =arn:}, so a secret may hold '=' and ':' (an access key id holds neither).
         */
        static SigningCredentials caller(String value) {
            String form = "ACCESS_KEY[:SECRET]=PRINCIPAL_ARN";
            int eq = value.indexOf("=arn:");
            if (eq < 0) {
                eq = value.indexOf('=');
            }
            if (eq <= 0 || eq == value.length() - 1) {
                throw new IllegalArgumentException("option --caller needs " + form + ", not '" + redact(value) + "'");
            }
            String keyAndSecret = value.substring(0, eq).strip();
            String arn = value.substring(eq + 1).strip();
            var principal = dev.agentcore.core.arn.PrincipalArn.parse(arn).orElseThrow(() -> new IllegalArgumentException(
                    "option --caller: '" + arn + "' is not an IAM principal ARN (arn:aws:iam::ACCOUNT:user/NAME or"
                            + " role/NAME)"));
            int colon = keyAndSecret.indexOf(':');
            String key = colon < 0 ? keyAndSecret : keyAndSecret.substring(0, colon).strip();
            String secret = colon < 0 ? key : keyAndSecret.substring(colon + 1);
            if (key.isEmpty() || key.contains("/") || secret.isEmpty()) {
                throw new IllegalArgumentException("option --caller needs " + form + " with an access key (no '/') and,"
                        + " after ':', a secret that is not empty; not '" + redact(value) + "'");
            }
            return SigningCredentials.longTerm(key, secret, principal);
        }

        /** The option's value with its secret (between the first ':' and the ARN) hidden: errors must not print it. */
        private static String redact(String value) {
            int colon = value.indexOf(':');
            int arn = value.indexOf("=arn:");
            if (colon < 0 || (arn >= 0 && colon > arn)) {
                return value;
            }
            return value.substring(0, colon + 1) + "***" + (arn > colon ? value.substring(arn) : "");
        }

        private static String[] pair(String option, String value, String form) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new IllegalArgumentException("option " + option + " needs " + form + ", not '" + value + "'");
            }
            return new String[] {value.substring(0, eq).strip(), value.substring(eq + 1).strip()};
        }

        private static URI url(String option, String value) {
            try {
                URI uri = new URI(value.strip());
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (java.net.URISyntaxException e) {
                // answered below
            }
            throw new IllegalArgumentException("option " + option + " needs an http(s) URL, not '" + value + "'");
        }

        private static boolean bool(String option, String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("option " + option + " needs true or false, not '"
                        + value + "'");
            };
        }

        static int integer(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + option + " needs a number, not '" + value + "'");
            }
        }

        static String firstOf(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
            throw new IllegalStateException("no default");
        }
    }
}
