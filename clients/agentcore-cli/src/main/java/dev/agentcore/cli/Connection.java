package dev.agentcore.cli;

import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.TokenException;
import dev.agentcore.client.auth.TokenSource;
import dev.agentcore.core.state.DeployedRuntime;
import dev.agentcore.core.state.StateFile;
import dev.agentcore.core.state.StateFileException;
import dev.agentcore.client.diagnosis.ControlPlaneDirectory;
import dev.agentcore.client.diagnosis.Diagnostician;
import dev.agentcore.client.diagnosis.FailureContext;
import dev.agentcore.client.diagnosis.RuntimeDirectory;
import dev.agentcore.client.diagnosis.DeployedRuntimeDirectory;
import dev.agentcore.client.invoke.BearerInvoker;
import dev.agentcore.client.invoke.CustomHeaders;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.invoke.Invoker;
import dev.agentcore.client.invoke.RetryListener;
import dev.agentcore.client.invoke.RetryPolicy;
import dev.agentcore.client.invoke.RetryingInvoker;
import dev.agentcore.client.invoke.SigV4Invoker;
import dev.agentcore.client.mcp.RequestAuthenticator;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.runtime.EndpointOrigin;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.MalformedArnException;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.SessionId;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * Everything one command needs to call a runtime, resolved from flags, then environment variables, then the state
 * file: the target, the authentication, the session, and where a diagnosis looks things up.
 */
final class Connection implements AutoCloseable {

    final InvocationTarget target;
    final SessionId sessionId;
    final Map<String, String> headers;
    final Duration timeout;
    final Duration idleTimeout;
    final ServerProtocol protocol;
    private final boolean sigV4;
    private final Optional<TokenSource> tokens;
    private final RuntimeDirectory directory;
    private final Environment env;
    private final List<AutoCloseable> resources = new ArrayList<>();

    private Connection(InvocationTarget target, SessionId sessionId, Map<String, String> headers, Duration timeout,
                       Duration idleTimeout, ServerProtocol protocol, boolean sigV4, Optional<TokenSource> tokens, RuntimeDirectory directory,
                       Environment env) {
        this.target = target;
        this.sessionId = sessionId;
        this.headers = headers;
        this.timeout = timeout;
        this.idleTimeout = idleTimeout;
        this.protocol = protocol;
        this.sigV4 = sigV4;
        this.tokens = tokens;
        this.directory = directory;
        this.env = env;
    }

    /**
     * @param runtime   an ARN, or a runtime name or id from the state file; null with --local
     * @param protocol  which container contract the runtime serves
     * @param localPath the container path for --local ("/invocations" or "/mcp")
     */
    static Connection open(String runtime, ConnectionOptions options, ServerProtocol protocol, String localPath, Environment env) {
        if (options.timeoutSeconds <= 0) {
            throw new UsageException("--timeout must be a positive number of seconds");
        }
        if (options.idleTimeoutSeconds <= 0) {
            throw new UsageException("--idle-timeout must be a positive number of seconds");
        }
        Duration timeout = Duration.ofSeconds(options.timeoutSeconds);
        SessionId sessionId = sessionId(options);
        Optional<StateFile> state = readState(options, env);
        Optional<DeployedRuntime> deployed = Optional.empty();
        InvocationTarget target;
        if (options.local != null) {
            target = InvocationTarget.direct(localUrl(options.local, localPath), EndpointOrigin.flag("--local"));
        } else {
            if (runtime == null || runtime.isBlank()) {
                throw new UsageException("which runtime? Pass its ARN, or a name from the state file, or --local URL");
            }
            RuntimeArn arn = resolveArn(runtime, state);
            deployed = state.flatMap(s -> s.runtime(arn.toString()).or(() -> s.runtime(arn.runtimeId())));
            String qualifier = Optional.ofNullable(options.qualifier).orElse(InvocationTarget.DEFAULT_QUALIFIER);
            target = endpoint(arn, qualifier, options, env);
        }
        deployed.filter(d -> d.protocol() != null && d.protocol() != protocol).ifPresent(d -> env.err().println(
                "note: " + d.name() + " is an " + d.protocol() + " runtime in the state file; "
                        + (d.isMcp() ? "use `agentcore-invoke mcp`" : "use `agentcore-invoke agent`")));

        TokenSources tokenSources = new TokenSources(options.tokens, options::typed, env, state);
        boolean runtimeTakesOAuth = deployed.flatMap(DeployedRuntime::authorizerSettings).isPresent();
        ConnectionOptions.Auth auth = options.auth;
        if (auth == ConnectionOptions.Auth.auto) {
            // Flags win; then what the state file knows about the runtime; then token settings in the environment.
            boolean oauth = tokenSources.requestedByFlag()
                    || (deployed.isPresent() ? runtimeTakesOAuth : tokenSources.requested());
            auth = oauth ? ConnectionOptions.Auth.oauth
                    : options.local != null ? ConnectionOptions.Auth.none : ConnectionOptions.Auth.sigv4;
        }
        if (auth == ConnectionOptions.Auth.sigv4 && target.direct()) {
            throw new UsageException("a local runtime container takes no SigV4; drop --auth sigv4");
        }
        String what = target.direct() ? "this call" : "runtime " + target.arn().runtimeId();
        Optional<TokenSource> tokens = auth == ConnectionOptions.Auth.oauth
                ? Optional.of(tokenSources.resolve(target.direct() ? null : target.arn().region(), timeout, what))
                : Optional.empty();

        Map<String, String> headers;
        try {
            headers = CustomHeaders.normalize(options.headers);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RuntimeDirectory directory = directory(state, statePath(options, env), options, target);
        Connection connection = new Connection(target, sessionId, headers, timeout,
                Duration.ofSeconds(options.idleTimeoutSeconds), protocol,
                auth == ConnectionOptions.Auth.sigv4, tokens, directory, env);
        connection.resources.add(tokenSources);
        return connection;
    }

    /** The session id given, checked before anything is sent (AgentCore refuses ids under 33 characters); else a new one. */
    private static SessionId sessionId(ConnectionOptions options) {
        if (options.sessionId == null || options.sessionId.isBlank()) {
            return SessionId.generate();
        }
        try {
            return new SessionId(options.sessionId);
        } catch (IllegalArgumentException e) {
            String origin = options.typed("--session-id") ? "--session-id" : "AGENTCORE_SESSION_ID";
            throw new UsageException(origin + " '" + options.sessionId + "': " + e.getMessage() + "; nothing was sent");
        }
    }

    private static Optional<StateFile> readState(ConnectionOptions options, Environment env) {
        Optional<Path> path = statePath(options, env);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StateFile.read(path.get()));
        } catch (StateFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Optional<Path> statePath(ConnectionOptions options, Environment env) {
        return Optional.ofNullable(options.stateFile).filter(p -> !p.isBlank())
                .map(p -> env.workingDirectory().resolve(p)).or(() -> StateFile.locate(env.workingDirectory()));
    }

    private static RuntimeArn resolveArn(String runtime, Optional<StateFile> state) {
        if (runtime.startsWith("arn:") || runtime.startsWith("arn%3A")) {
            try {
                return RuntimeArn.parse(runtime);
            } catch (MalformedArnException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Optional<DeployedRuntime> deployed = state.flatMap(s -> s.runtime(runtime));
        if (deployed.isPresent()) {
            try {
                return RuntimeArn.parse(deployed.get().agentRuntimeArn());
            } catch (MalformedArnException e) {
                throw new UsageException("the state file's ARN for " + runtime + " is malformed: " + e.problem());
            }
        }
        if (state.isEmpty()) {
            throw new UsageException("'" + runtime + "' is not an ARN and there is no state file (.agentcore/state.json) "
                    + "to look it up in; pass the runtime ARN: " + RuntimeArn.EXPECTED_FORMAT);
        }
        List<String> known = state.get().runtimes().stream().map(DeployedRuntime::name).toList();
        throw new UsageException("no runtime '" + runtime + "' in the state file (it lists " + (known.isEmpty() ? "none"
                : String.join(", ", known)) + "); pass a name or id from it, or the runtime ARN");
    }

    /**
     * The data-plane URL: --endpoint-url, else the AWS SDK's two variables, else the region's own. Resolved here
     * rather than as picocli defaults because which one it came from is part of every connection diagnosis.
     */
    private static InvocationTarget endpoint(RuntimeArn arn, String qualifier, ConnectionOptions options, Environment env) {
        Optional<String> flag = Optional.ofNullable(options.endpointUrl).filter(u -> !u.isBlank());
        if (flag.isPresent()) {
            return InvocationTarget.at(arn, qualifier, url(flag.get(), "--endpoint-url"), EndpointOrigin.flag("--endpoint-url"));
        }
        for (String variable : List.of("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", "AWS_ENDPOINT_URL")) {
            Optional<String> value = env.variable(variable);
            if (value.isPresent()) {
                return InvocationTarget.at(arn, qualifier, url(value.get(), variable), EndpointOrigin.environmentVariable(variable));
            }
        }
        return InvocationTarget.of(arn, qualifier);
    }

    private static URI url(String text, String origin) {
        try {
            URI uri = URI.create(text.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException(origin + " '" + text + "' is not a URL like http://localhost:8080 (" + e.getMessage() + ")");
        }
    }

    private static URI localUrl(String text, String defaultPath) {
        URI uri = url(text, "--local");
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + defaultPath) : uri;
    }

    private static RuntimeDirectory directory(Optional<StateFile> state, Optional<Path> path, ConnectionOptions options,
                                              InvocationTarget target) {
        RuntimeDirectory fromState = state.<RuntimeDirectory>map(s -> new DeployedRuntimeDirectory(s,
                        path.orElse(StateFile.DEFAULT_LOCATION)))
                .orElse(RuntimeDirectory.none("no state file"));
        if (options.noLookup || target.direct()) {
            return fromState;
        }
        RuntimeDirectory controlPlane = new ControlPlaneDirectory(() -> {
            var builder = BedrockAgentCoreControlClient.builder()
                    .region(Region.of(target.arn().region()))
                    .credentialsProvider(DefaultCredentialsProvider.builder().build())
                    .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10)).retryStrategy(r -> r.maxAttempts(1)));
            if (options.controlEndpointUrl != null) {
                builder.endpointOverride(URI.create(options.controlEndpointUrl));
            }
            return builder.build();
        });
        return RuntimeDirectory.firstAnswer(controlPlane, fromState);
    }

    /** The invoker for this connection; a call refused because its session was busy is sent again (and said so). */
    Invoker invoker() {
        Invoker invoker;
        if (sigV4) {
            SigV4Invoker sdk = SigV4Invoker.builder(Region.of(target.arn().region())).endpointOf(target)
                    .credentials(DefaultCredentialsProvider.builder().build()).timeout(timeout).build();
            resources.add(sdk);
            invoker = sdk;
        } else {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
            invoker = tokens.map(source -> new BearerInvoker(http, source)).orElseGet(() -> BearerInvoker.unauthenticated(http));
        }
        return new RetryingInvoker(invoker, RetryPolicy.busySessions(), retryNotices());
    }

    /** Says on stderr that a call is sent again because its session was busy. */
    RetryListener retryNotices() {
        return this::sayRetrying;
    }

    private void sayRetrying(InvocationFailure failure, int attempt, int maxAttempts, Duration wait) {
        env.err().println("note: " + failure.status() + failure.error().map(e -> e.type() == null ? "" : " " + e.type()).orElse("")
                + failure.error().flatMap(e -> e.messageText()).map(m -> " (" + m + ")").orElse("")
                + ": the session is busy; retrying in " + String.format(Locale.ROOT, "%.1fs", wait.toMillis() / 1000.0)
                + " (attempt " + attempt + " of " + maxAttempts + ")");
    }

    RequestAuthenticator mcpAuthenticator() {
        if (sigV4) {
            return RequestAuthenticator.sigV4(DefaultCredentialsProvider.builder().build(), target.arn().region());
        }
        return tokens.map(RequestAuthenticator::bearer).orElseGet(RequestAuthenticator::none);
    }

    /** Explains a failed call; the token is fetched again from the cache to show its claims. */
    Diagnosis diagnose(InvocationFailure failure) {
        Optional<BearerToken> token = Optional.empty();
        if (tokens.isPresent()) {
            try {
                token = Optional.of(tokens.get().token());
            } catch (TokenException ignored) {
                // the call got as far as a response, so a token was obtained once; without it, claims are not shown
            }
        }
        return new Diagnostician(directory, env.clock()).diagnose(FailureContext.builder(failure, target)
                .token(token).protocol(protocol).timeout(timeout).build());
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing SDK clients cannot fail in a way the user could act on
            }
        }
    }
}
