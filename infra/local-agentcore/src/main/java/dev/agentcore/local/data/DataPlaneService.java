package dev.agentcore.local.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeId;
import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.LocalService;
import dev.agentcore.local.ServiceContext;
import dev.agentcore.local.auth.SigV4Authenticator;
import dev.agentcore.local.auth.SigV4Request;
import dev.agentcore.local.control.Resolution;
import dev.agentcore.local.control.RuntimeConfiguration;
import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.Request;
import dev.agentcore.local.http.Response;
import dev.agentcore.local.http.Router;
import dev.agentcore.localoauth.authorizer.AuthorizationResult;
import dev.agentcore.localoauth.authorizer.JwtAuthorizer;
import dev.agentcore.localoauth.authorizer.JwtAuthorizerConfig;
import dev.agentcore.localoauth.authorizer.UrlRewrite;

/**
 * The data plane's InvokeAgentRuntime ({@code POST /runtimes/{agentRuntimeArn}/invocations?qualifier=&accountId=}),
 * as the bedrock-agentcore model defines it, for HTTP and MCP runtimes: inbound auth (a bearer token through the
 * runtime's JWT authorizer, or SigV4 and the caller's identity policies), the execution role's grant for a workload
 * access token, the session's container from {@link SessionHosts}, and the container's answer streamed back.
 *
 * <p>The checks run in this order, the first failure answering: SigV4's form (AWS's front door), the session id's
 * length, the runtime and qualifier, the authorization method, the token or the caller's policies, MMDSv2, the
 * execution role, the container.
 */
public final class DataPlaneService implements LocalService {

    public static final String USER_ID_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-User-Id";
    /** Custom headers a runtime may allow through (requestHeaderAllowlist); the control plane refuses other X-Amzn-*. */
    public static final String CUSTOM_HEADER_PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";
    public static final String INVOKE = "bedrock-agentcore:InvokeAgentRuntime";
    public static final String INVOKE_FOR_USER = "bedrock-agentcore:InvokeAgentRuntimeForUser";
    public static final String STOP_SESSION = "bedrock-agentcore:StopRuntimeSession";
    public static final String WORKLOAD_TOKEN_FOR_JWT = "bedrock-agentcore:GetWorkloadAccessTokenForJWT";
    public static final String WORKLOAD_TOKEN_FOR_USER_ID = "bedrock-agentcore:GetWorkloadAccessTokenForUserId";
    public static final String WORKLOAD_TOKEN = "bedrock-agentcore:GetWorkloadAccessToken";

    /** Request headers the contract passes to the container whenever they are sent (the model's request headers). */
    private static final List<String> PASSED_HEADERS = List.of("Content-Type", "Accept", "Mcp-Session-Id",
            "Mcp-Protocol-Version", "Mcp-Method", "Mcp-Name", USER_ID_HEADER, "X-Amzn-Trace-Id", "traceparent",
            "tracestate", "baggage");

    private final SessionHosts hosts;
    private final IdentityPolicyCheck policies;
    private final AccessKeyDirectory accessKeys;
    private final JwtAuthorizer jwtAuthorizer;
    private final boolean requireMmdsV2;
    private final Optional<WorkloadTokenIssuer> workloadTokens;
    /** (runtime id, action) pairs already logged as refused, so a refused token is said once, not per call. */
    private final java.util.Set<String> tokenRefusalsLogged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ContainerForwarder forwarder = new ContainerForwarder();
    /** clientTokens of StopRuntimeSession calls that stopped a session, so that their retries answer 200. */
    private final java.util.Set<String> stopTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DataPlaneService(Builder b) {
        this.hosts = Objects.requireNonNull(b.hosts, "sessionHosts");
        this.policies = new IdentityPolicyCheck(b.iam);
        this.accessKeys = b.accessKeys;
        this.jwtAuthorizer = b.jwtAuthorizer;
        this.requireMmdsV2 = b.requireMmdsV2;
        this.workloadTokens = Optional.ofNullable(b.workloadTokens);
    }

    public static Builder builder(SessionHosts hosts) {
        return new Builder(hosts);
    }

    @Override
    public void register(Router router, ServiceContext context) {
        router.add("POST", "/runtimes/{agentRuntimeArn}/invocations", "InvokeAgentRuntime",
                request -> invoke(request, context));
        router.add("POST", "/runtimes/{agentRuntimeArn}/stopruntimesession", "StopRuntimeSession",
                request -> stopSession(request, context));
    }

    private Response invoke(Request request, ServiceContext context) throws IOException {
        Caller caller = authorize(request, context, INVOKE);
        Resolution.Found found = caller.found();
        RuntimeConfiguration configuration = found.version().configuration();
        if (requireMmdsV2 && !configuration.requiresMmdsV2()) {
            throw InvocationErrors.notMmdsV2Enabled().exception();
        }

        SessionId session = caller.session().orElseGet(SessionId::generate);
        Optional<String> workloadToken;
        if (caller.user().isPresent()) {
            PrincipalArn role = checkExecutionRole(found, session, context);
            AuthorizationResult.Accepted user = caller.user().get();
            workloadToken = workloadTokens.map(t -> t.forJwt(found.runtime().workloadIdentity(), user.issuer(),
                    user.subject(), role));
        } else {
            workloadToken = sigV4WorkloadToken(request, found, session, context);
        }

        SessionHost host;
        try {
            host = hosts.hostFor(found.runtime(), found.version(), session);
        } catch (SessionHostException e) {
            context.log().println("local-agentcore: InvokeAgentRuntime " + found.runtime().id() + " session " + session
                    + ": " + e.failure() + ": " + e.getMessage());
            throw InvocationErrors.forHostFailure(e.failure()).exception();
        }
        Map<String, String> headers = containerHeaders(request, configuration, session);
        workloadToken.ifPresent(token -> headers.put(WorkloadTokenIssuer.HEADER, token));
        return forwarder.forward(host, configuration.serverProtocol(), headers, request.body(), session);
    }

    /**
     * StopRuntimeSession ({@code POST /runtimes/{agentRuntimeArn}/stopruntimesession?qualifier=}): the same inbound
     * auth as an invocation (for SigV4, {@code bedrock-agentcore:StopRuntimeSession} on the runtime and its endpoint),
     * then the session's process ends. 200 with the session id header; 404 when the session does not run. A retry with
     * the same {@code clientToken} answers 200 again, as the model marks the operation idempotent.
     */
    private Response stopSession(Request request, ServiceContext context) throws IOException {
        Caller caller = authorize(request, context, STOP_SESSION);
        SessionId session = caller.session().orElseThrow(() -> InvocationErrors.missingSessionId().exception());
        Optional<String> clientToken = clientToken(request);
        String tokenKey = clientToken.map(t -> caller.found().runtime().id() + "\n" + session.value() + "\n" + t)
                .orElse(null);
        boolean stopped = hosts.stop(caller.found().runtime(), session);
        if (!stopped && (tokenKey == null || !stopTokens.contains(tokenKey))) {
            throw InvocationErrors.sessionNotFound().exception();
        }
        if (stopped && tokenKey != null) {
            if (stopTokens.size() > 10_000) {
                stopTokens.clear();
            }
            stopTokens.add(tokenKey);
        }
        context.log().println("local-agentcore: StopRuntimeSession " + caller.found().runtime().id() + " session "
                + session + (stopped ? ": stopped" : ": already stopped (retry of the same clientToken)"));
        return exchange -> {
            exchange.getResponseHeaders().set(SessionId.HEADER, session.value());
            Response.write(exchange, 200, "application/json", Response.utf8("{}"), Map.of());
        };
    }

    private static Optional<String> clientToken(Request request) throws IOException {
        byte[] body = request.body();
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            var node = Response.JSON.readTree(body);
            return node.path("clientToken").isString() ? Optional.of(node.path("clientToken").asString())
                    : Optional.empty();
        } catch (RuntimeException e) {
            throw AwsError.of(400, "ValidationException", "The request body is not valid JSON").exception();
        }
    }

    /** Who called, for which runtime version and session, after the inbound checks common to every operation. */
    private record Caller(Resolution.Found found, Optional<SessionId> session,
                          Optional<AuthorizationResult.Accepted> user) {
    }

    /**
     * The checks of every data plane operation, in AgentCore's order: SigV4's form, the session id, the runtime and
     * qualifier, the authorization method, then the token or the caller's identity policies for {@code action}.
     */
    private Caller authorize(Request request, ServiceContext context, String action) {
        Optional<String> authorization = request.header("Authorization");
        boolean bearer = authorization.filter(h -> h.strip().regionMatches(true, 0, "Bearer ", 0, 7)).isPresent();
        boolean signed = !bearer && (authorization.isPresent() || request.query("X-Amz-Algorithm").isPresent());
        // AWS's front door checks a signature's form before the operation sees the request.
        SigV4Request sigV4 = signed ? context.sigV4().authenticate(request) : null;

        Optional<String> sessionHeader = request.header(SessionId.HEADER);
        if (sessionHeader.isPresent() && !fitsSessionId(sessionHeader.get())) {
            throw InvocationErrors.sessionIdLength(sessionHeader.get()).exception();
        }

        Resolution.Found found = resolve(request, context);
        RuntimeConfiguration configuration = found.version().configuration();
        boolean jwtRuntime = configuration.jwtAuthorizer().isPresent();
        Optional<AuthorizationResult.Accepted> user = Optional.empty();

        if (jwtRuntime) {
            if (signed) {
                throw InvocationErrors.authorizationMethodMismatch().exception();
            }
            JwtAuthorizerConfig config = JwtAuthorizerConfig.fromJson(
                    configuration.wire().path("authorizerConfiguration").path("customJWTAuthorizer"));
            switch (jwtAuthorizer.authorize(config, authorization)) {
                case AuthorizationResult.Rejected rejected -> {
                    context.log().println("local-agentcore: " + operation(action) + " " + found.runtime().id()
                            + ": token refused: " + rejected.reason() + " (" + rejected.detail() + ")");
                    throw InvocationErrors.fromAnswer(rejected.answer()).exception();
                }
                case AuthorizationResult.Accepted accepted -> user = Optional.of(accepted);
            }
        } else {
            if (bearer) {
                throw InvocationErrors.authorizationMethodMismatch().exception();
            }
            if (sigV4 == null) {
                throw SigV4Authenticator.missingToken();
            }
            checkCaller(sigV4, found, action, action.equals(INVOKE) && request.header(USER_ID_HEADER).isPresent());
        }
        return new Caller(found, sessionHeader.map(SessionId::new), user);
    }

    private static String operation(String action) {
        return action.substring(action.indexOf(':') + 1);
    }

    private static boolean fitsSessionId(String value) {
        int length = value.codePointCount(0, value.length());
        return length >= SessionId.MIN_LENGTH && length <= SessionId.MAX_LENGTH;
    }

    /** The runtime of the path (a URL-encoded ARN, or an id with {@code accountId}) and its endpoint. */
    private static Resolution.Found resolve(Request request, ServiceContext context) {
        String label = request.pathLabel("agentRuntimeArn");
        String named = request.query("qualifier").orElse(Qualifier.DEFAULT.value());
        if (!Qualifier.isValid(named)) {
            // No endpoint can have that name: the same answer as for any other endpoint that does not exist.
            throw InvocationErrors.notFound(named, label).exception();
        }
        Qualifier qualifier = new Qualifier(named);
        Optional<String> account = request.query("accountId");
        Resolution resolution;
        Optional<RuntimeArn> arn = RuntimeArn.tryParse(label);
        if (arn.isPresent()) {
            resolution = context.runtimes().resolve(arn.get(), qualifier);
        } else if (RuntimeId.looksLike(label) && account.map(context.accountId()::equals).orElse(true)) {
            resolution = context.runtimes().resolve(RuntimeId.of(label), qualifier);
        } else {
            resolution = new Resolution.RuntimeNotFound(label);
        }
        String agent = arn.map(RuntimeArn::toString).orElseGet(() -> new RuntimeArn("aws", context.region(),
                account.orElse(context.accountId()), RuntimeId.looksLike(label) ? label : "unknown-0000000000").toString());
        return switch (resolution) {
            case Resolution.Found f -> f;
            case Resolution.RuntimeNotFound r -> throw InvocationErrors.notFound(qualifier.value(), agent).exception();
            case Resolution.EndpointNotFound e -> throw InvocationErrors.notFound(qualifier.value(), e.runtime().arn().toString()).exception();
            case Resolution.NotReady n -> throw InvocationErrors.notFound(qualifier.value(), n.runtime().arn().toString()).exception();
        };
    }

    /**
     * A SigV4 caller needs InvokeAgentRuntime on the runtime AND on its endpoint (the developer guide's runtime
     * permissions; deploy guides show both ARNs in the caller's policy), and InvokeAgentRuntimeForUser too when it
     * names a user (the model's documentation of InvokeAgentRuntime).
     */
    private void checkCaller(SigV4Request sigV4, Resolution.Found found, String action, boolean forUser) {
        PrincipalArn caller = accessKeys.principalOf(sigV4.accessKeyId())
                // What AWS answers credentials it does not know, for every JSON and REST-JSON service.
                .orElseThrow(() -> AwsError.of(403, "UnrecognizedClientException",
                        "The security token included in the request is invalid.").exception());
        List<String> resources = List.of(found.runtime().arn().toString(), found.endpoint().arn().toString());
        policies.refusal(caller, action, resources).ifPresent(text -> {
            throw InvocationErrors.accessDenied(text).exception();
        });
        if (forUser) {
            policies.refusal(caller, INVOKE_FOR_USER, resources).ifPresent(text -> {
                throw InvocationErrors.accessDenied(text).exception();
            });
        }
    }

    /**
     * Before a JWT invocation reaches the container, AgentCore gets a workload access token for it as the runtime's
     * execution role (GetWorkloadAccessTokenForJWT on the runtime's workload identity, which IAM authorizes on the
     * identity and on its directory). A role whose policies do not allow it fails the invocation with IAM's text.
     */
    private PrincipalArn checkExecutionRole(Resolution.Found found, SessionId session, ServiceContext context) {
        PrincipalArn role = roleSession(found, session);
        var identity = found.runtime().workloadIdentity();
        policies.refusal(role, WORKLOAD_TOKEN_FOR_JWT, List.of(identity.toString(), identity.directoryArn()))
                .ifPresent(text -> {
                    context.log().println("local-agentcore: InvokeAgentRuntime " + found.runtime().id()
                            + ": the execution role may not get a workload access token: " + text);
                    throw InvocationErrors.accessDenied(text).exception();
                });
        return role;
    }

    private static PrincipalArn roleSession(Resolution.Found found, SessionId session) {
        String roleArn = found.version().configuration().roleArn();
        try {
            return PrincipalArn.assumedRole(roleArn, roleSessionName(session));
        } catch (IllegalArgumentException e) {
            // The control plane refuses such role ARNs; a runtime from an old state file could still hold one.
            throw InvocationErrors.accessDenied("The execution role '" + roleArn + "' is not an IAM role ARN").exception();
        }
    }

    /**
     * A SigV4 invocation's workload access token: for the user of the runtime user id header when there is one
     * (GetWorkloadAccessTokenForUserId, as the developer guide's manual pattern does), else for the workload alone
     * (GetWorkloadAccessToken), each asked as the execution role. What AWS does for a SigV4 invocation whose role may
     * not get the token is not documented: locally the invocation goes on without the header, and the log says why
     * once per runtime and action.
     */
    private Optional<String> sigV4WorkloadToken(Request request, Resolution.Found found, SessionId session,
                                                ServiceContext context) {
        if (workloadTokens.isEmpty()) {
            return Optional.empty();
        }
        PrincipalArn role = roleSession(found, session);
        var identity = found.runtime().workloadIdentity();
        Optional<String> userId = request.header(USER_ID_HEADER);
        String action = userId.isPresent() ? WORKLOAD_TOKEN_FOR_USER_ID : WORKLOAD_TOKEN;
        Optional<String> refusal = policies.refusal(role, action, List.of(identity.toString(), identity.directoryArn()));
        if (refusal.isPresent()) {
            if (tokenRefusalsLogged.add(found.runtime().id() + " " + action)) {
                context.log().println("local-agentcore: InvokeAgentRuntime " + found.runtime().id()
                        + ": no WorkloadAccessToken header for the container: " + refusal.get());
            }
            return Optional.empty();
        }
        WorkloadTokenIssuer issuer = workloadTokens.get();
        return Optional.of(userId.map(id -> issuer.forUserId(identity, id, role))
                .orElseGet(() -> issuer.forWorkload(identity, role)));
    }

    /**
     * The role session AgentCore acts in: {@code BedrockAgentCore-<session id>}, cut to the 64 characters STS allows
     * a session name and to its characters ({@code [\w+=,.@-]}).
     */
    public static String roleSessionName(SessionId session) {
        String name = ("BedrockAgentCore-" + session.value()).replaceAll("[^\\w+=,.@-]", "-");
        return name.length() <= 64 ? name : name.substring(0, 64);
    }

    /** The contract's headers, then the runtime's allowlisted ones (Authorization only when allowlisted). */
    private static Map<String, String> containerHeaders(Request request, RuntimeConfiguration configuration,
                                                        SessionId session) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : PASSED_HEADERS) {
            request.header(name).ifPresent(value -> headers.put(name, value));
        }
        headers.putIfAbsent("Content-Type", "application/json");
        headers.put(SessionId.HEADER, session.value());
        List<String> allowed = new ArrayList<>();
        configuration.requestHeaderAllowlist().forEach(h -> allowed.add(h.toLowerCase(Locale.ROOT)));
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (allowed.contains(lower) && !values.isEmpty() && !restricted(lower)) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }

    /** Headers the JDK's HTTP client sets itself and refuses to be given. */
    private static boolean restricted(String lower) {
        return List.of("host", "content-length", "connection", "expect", "upgrade").contains(lower);
    }

    public static final class Builder {
        private final SessionHosts hosts;
        private IamDirectory iam = new InMemoryIamDirectory();
        private AccessKeyDirectory accessKeys = new InMemoryAccessKeys();
        private JwtAuthorizer jwtAuthorizer = JwtAuthorizer.create(UrlRewrite.none());
        private boolean requireMmdsV2 = true;
        private WorkloadTokenIssuer workloadTokens;

        private Builder(SessionHosts hosts) {
            this.hosts = hosts;
        }

        /** Where callers' and execution roles' policies come from (default: an empty directory, allowing nothing). */
        public Builder iam(IamDirectory value) {
            this.iam = value;
            return this;
        }

        /** Who owns an access key (default: nobody, so every SigV4 caller is unrecognized). */
        public Builder accessKeys(AccessKeyDirectory value) {
            this.accessKeys = value;
            return this;
        }

        /** The bearer-token check (default: local-oauth's, fetching discovery URLs as they are). */
        public Builder jwtAuthorizer(JwtAuthorizer value) {
            this.jwtAuthorizer = value;
            return this;
        }

        /**
         * Whether runtimes must set {@code requireMMDSV2}, as AgentCore requires since 2026-06-30 (default true).
         * False serves runtimes deployed before then, for older templates.
         */
        public Builder requireMmdsV2(boolean value) {
            this.requireMmdsV2 = value;
            return this;
        }

        /**
         * Where the workload access tokens for the containers come from (the identity service's
         * {@code workloadTokenIssuer()}); default none, and containers get no {@value WorkloadTokenIssuer#HEADER}.
         */
        public Builder workloadTokens(WorkloadTokenIssuer value) {
            this.workloadTokens = value;
            return this;
        }

        public DataPlaneService build() {
            return new DataPlaneService(this);
        }
    }
}
