package dev.agentcore.local.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.arn.WorkloadIdentityArn;
import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeId;
import dev.agentcore.local.LocalService;
import dev.agentcore.local.ServiceContext;
import dev.agentcore.local.auth.SigV4Request;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.Resolution;
import dev.agentcore.local.control.RuntimeConfiguration;
import dev.agentcore.local.data.AccessKeyDirectory;
import dev.agentcore.local.data.IamDirectory;
import dev.agentcore.local.data.IdentityPolicyCheck;
import dev.agentcore.local.data.InMemoryAccessKeys;
import dev.agentcore.local.data.InMemoryIamDirectory;
import dev.agentcore.local.data.WorkloadTokenIssuer;
import dev.agentcore.local.http.Request;
import dev.agentcore.local.http.Response;
import dev.agentcore.local.http.Router;
import dev.agentcore.local.identity.IdentityErrors.CredentialKind;
import dev.agentcore.localoauth.authorizer.AuthorizationResult;
import dev.agentcore.localoauth.authorizer.JwtAuthorizer;
import dev.agentcore.localoauth.authorizer.JwtAuthorizerConfig;
import dev.agentcore.localoauth.authorizer.Rejection;
import dev.agentcore.localoauth.authorizer.UrlRewrite;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * AgentCore Identity's data-plane operations, as the bedrock-agentcore model (2024-02-28) defines them, on the local
 * AgentCore's port:
 *
 * <table>
 *   <tr><th>operation</th><th>request</th><th>IAM action, on</th></tr>
 *   <tr><td>GetWorkloadAccessToken</td><td>{@code POST /identities/GetWorkloadAccessToken}</td>
 *       <td>the same name, on the workload identity and its directory</td></tr>
 *   <tr><td>GetWorkloadAccessTokenForJWT</td><td>{@code POST /identities/GetWorkloadAccessTokenForJWT}</td>
 *       <td>the same</td></tr>
 *   <tr><td>GetWorkloadAccessTokenForUserId</td><td>{@code POST /identities/GetWorkloadAccessTokenForUserId}</td>
 *       <td>the same</td></tr>
 *   <tr><td>GetResourceOauth2Token</td><td>{@code POST /identities/oauth2/token}</td>
 *       <td>the same name, on {@code token-vault/default} and the provider's {@code oauth2credentialprovider/NAME}</td></tr>
 *   <tr><td>GetResourceApiKey</td><td>{@code POST /identities/api-key}</td>
 *       <td>the same name, on {@code token-vault/default} and the provider's {@code apikeycredentialprovider/NAME}</td></tr>
 * </table>
 *
 * <p>Every request is SigV4 (AWS's front door, {@code SigV4Authenticator}); its access key names the caller
 * ({@link AccessKeyDirectory}), normally a runtime's execution role session, whose identity policies
 * ({@link IamDirectory}) must allow the action on each resource, decided by the core's {@code PolicyEvaluator}, as the
 * data plane decides InvokeAgentRuntime. The checks run in this order, the first failure answering: the signature's
 * form, the access key, the request's members, IAM, then the operation's own (the workload identity, the user token,
 * the workload access token, the credential provider).
 *
 * <p>Workload identities are the runtimes' (named after the runtime id) and those given to the builder. Workload access
 * tokens are opaque and held in memory ({@link WorkloadAccessTokens}). Credential providers come from
 * {@link CredentialProviders}; GetResourceOauth2Token serves the M2M flow only.
 */
public final class IdentityService implements LocalService {

    public static final String GET_WORKLOAD_ACCESS_TOKEN = "bedrock-agentcore:GetWorkloadAccessToken";
    public static final String GET_WORKLOAD_ACCESS_TOKEN_FOR_JWT = "bedrock-agentcore:GetWorkloadAccessTokenForJWT";
    public static final String GET_WORKLOAD_ACCESS_TOKEN_FOR_USER_ID = "bedrock-agentcore:GetWorkloadAccessTokenForUserId";
    public static final String GET_RESOURCE_OAUTH2_TOKEN = "bedrock-agentcore:GetResourceOauth2Token";
    public static final String GET_RESOURCE_API_KEY = "bedrock-agentcore:GetResourceApiKey";
    /** A workload access token's lifetime when none is given: a local choice (AWS does not document its own). */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    // The model's constraints (bedrock-agentcore 2024-02-28).
    private static final String WORKLOAD_NAME_PATTERN = "[A-Za-z0-9_.-]+";
    private static final String USER_TOKEN_PATTERN = "[A-Za-z0-9-_=]+.[A-Za-z0-9-_=]+.[A-Za-z0-9-_=]+";
    private static final String PROVIDER_NAME_PATTERN = "[a-zA-Z0-9\\-_]+";
    private static final String REQUEST_URI_PATTERN = "urn:ietf:params:oauth:request_uri:[a-zA-Z0-9-._~]+";
    private static final String RETURN_URL_PATTERN = "\\w+:(\\/?\\/?)[^\\s]+";
    private static final int TOKEN_MAX = 131_072;
    private static final List<String> OAUTH2_FLOWS = List.of("USER_FEDERATION", "M2M", "ON_BEHALF_OF_TOKEN_EXCHANGE");

    private final IdentityPolicyCheck policies;
    private final AccessKeyDirectory accessKeys;
    private final JwtAuthorizer jwtAuthorizer;
    private final CredentialProviders providers;
    private final WorkloadAccessTokens tokens;
    private final InstantSource clock;
    private final Set<String> standaloneIdentities = ConcurrentHashMap.newKeySet();
    private final ClientCredentialsFetcher clientCredentials = new ClientCredentialsFetcher();

    private IdentityService(Builder b) {
        this.policies = new IdentityPolicyCheck(b.iam);
        this.accessKeys = b.accessKeys;
        this.jwtAuthorizer = b.jwtAuthorizer;
        this.providers = b.providers;
        this.tokens = new WorkloadAccessTokens(b.tokenLifetime);
        this.clock = b.clock;
        this.standaloneIdentities.addAll(b.workloadIdentities);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The tokens issued so far (for tests and the runner, which hands a token to a session's container). */
    public WorkloadAccessTokens tokens() {
        return tokens;
    }

    /**
     * The data plane's way to this service's token store: the token it hands a session's container is one this
     * service issued, so the agent can spend it here.
     */
    public WorkloadTokenIssuer workloadTokenIssuer() {
        return new WorkloadTokenIssuer() {
            @Override
            public String forJwt(WorkloadIdentityArn identity, String issuer, String subject, PrincipalArn role) {
                return tokens.issue(identity, new WorkloadUser.JwtSubject(issuer, subject), role, clock.instant());
            }

            @Override
            public String forUserId(WorkloadIdentityArn identity, String userId, PrincipalArn role) {
                return tokens.issue(identity, new WorkloadUser.UserId(userId), role, clock.instant());
            }

            @Override
            public String forWorkload(WorkloadIdentityArn identity, PrincipalArn role) {
                return tokens.issue(identity, new WorkloadUser.None(), role, clock.instant());
            }
        };
    }

    @Override
    public void register(Router router, ServiceContext context) {
        router.add("POST", "/identities/GetWorkloadAccessToken", "GetWorkloadAccessToken",
                request -> workloadAccessToken(request, context, TokenKind.WORKLOAD));
        router.add("POST", "/identities/GetWorkloadAccessTokenForJWT", "GetWorkloadAccessTokenForJWT",
                request -> workloadAccessToken(request, context, TokenKind.FOR_JWT));
        router.add("POST", "/identities/GetWorkloadAccessTokenForUserId", "GetWorkloadAccessTokenForUserId",
                request -> workloadAccessToken(request, context, TokenKind.FOR_USER_ID));
        router.add("POST", "/identities/oauth2/token", "GetResourceOauth2Token",
                request -> resourceOauth2Token(request, context));
        router.add("POST", "/identities/api-key", "GetResourceApiKey", request -> resourceApiKey(request, context));
    }

    private enum TokenKind {
        WORKLOAD(GET_WORKLOAD_ACCESS_TOKEN), FOR_JWT(GET_WORKLOAD_ACCESS_TOKEN_FOR_JWT),
        FOR_USER_ID(GET_WORKLOAD_ACCESS_TOKEN_FOR_USER_ID);

        final String action;

        TokenKind(String action) {
            this.action = action;
        }
    }

    private Response workloadAccessToken(Request request, ServiceContext context, TokenKind kind) throws IOException {
        PrincipalArn caller = caller(request, context);
        IdentityRequest body = IdentityRequest.read(request);
        String name = body.string("workloadName", true, 3, 255, WORKLOAD_NAME_PATTERN, false);
        String userToken = kind == TokenKind.FOR_JWT
                ? body.string("userToken", true, 1, TOKEN_MAX, USER_TOKEN_PATTERN, true) : null;
        String userId = kind == TokenKind.FOR_USER_ID ? body.string("userId", true, 1, 128, null, false) : null;
        body.check();

        WorkloadIdentityArn identity = new WorkloadIdentityArn("aws", context.region(), context.accountId(),
                WorkloadIdentityArn.DEFAULT_DIRECTORY, name);
        authorize(caller, kind.action, List.of(identity.toString(), identity.directoryArn()), context);
        Optional<AgentRuntime> runtime = runtimeOf(name, context);
        if (runtime.isEmpty() && !standaloneIdentities.contains(name)) {
            throw IdentityErrors.workloadIdentityNotFound(name).exception();
        }
        WorkloadUser user = switch (kind) {
            case WORKLOAD -> new WorkloadUser.None();
            case FOR_USER_ID -> new WorkloadUser.UserId(userId);
            case FOR_JWT -> verifiedSubject(userToken, runtime, context);
        };
        String token = tokens.issue(identity, user, caller, clock.instant());
        ObjectNode answer = Response.JSON.createObjectNode();
        answer.put("workloadAccessToken", token);
        return Response.json(200, answer);
    }

    private Response resourceApiKey(Request request, ServiceContext context) throws IOException {
        PrincipalArn caller = caller(request, context);
        IdentityRequest body = IdentityRequest.read(request);
        String token = body.string("workloadIdentityToken", true, 1, TOKEN_MAX, null, true);
        String name = body.string("resourceCredentialProviderName", true, 1, 128, PROVIDER_NAME_PATTERN, false);
        body.check();

        authorize(caller, GET_RESOURCE_API_KEY, vaultResources(context, "apikeycredentialprovider", name), context);
        validGrant(token);
        CredentialProvider.ApiKey provider = providers.apiKey(name)
                .orElseThrow(() -> IdentityErrors.credentialProviderNotFound(CredentialKind.API_KEY, name).exception());
        ObjectNode answer = Response.JSON.createObjectNode();
        answer.put("apiKey", provider.apiKey());
        return Response.json(200, answer);
    }

    private Response resourceOauth2Token(Request request, ServiceContext context) throws IOException {
        PrincipalArn caller = caller(request, context);
        IdentityRequest body = IdentityRequest.read(request);
        String token = body.string("workloadIdentityToken", true, 1, TOKEN_MAX, null, true);
        String name = body.string("resourceCredentialProviderName", true, 1, 128, PROVIDER_NAME_PATTERN, false);
        List<String> scopes = body.strings("scopes", true);
        String flow = body.oneOf("oauth2Flow", true, OAUTH2_FLOWS);
        body.string("sessionUri", false, 1, 1024, REQUEST_URI_PATTERN, false);
        body.string("resourceOauth2ReturnUrl", false, 1, 2048, RETURN_URL_PATTERN, false);
        body.string("customState", false, 1, 4096, null, true);
        body.check();

        authorize(caller, GET_RESOURCE_OAUTH2_TOKEN, vaultResources(context, "oauth2credentialprovider", name), context);
        validGrant(token);
        CredentialProvider.OAuth2Client provider = providers.oauth2Client(name)
                .orElseThrow(() -> IdentityErrors.credentialProviderNotFound(CredentialKind.OAUTH2, name).exception());
        if (!"M2M".equals(flow)) {
            throw IdentityErrors.flowNotServed(flow).exception();
        }
        ObjectNode answer = Response.JSON.createObjectNode();
        answer.put("accessToken", clientCredentials.accessToken(provider, scopes));
        return Response.json(200, answer);
    }

    /** The SigV4 signer, by its access key (the front door's checks first). */
    private PrincipalArn caller(Request request, ServiceContext context) {
        SigV4Request sigV4 = context.sigV4().authenticate(request);
        return accessKeys.principalOf(sigV4.accessKeyId())
                .orElseThrow(() -> IdentityErrors.unrecognizedClient().exception());
    }

    private void authorize(PrincipalArn caller, String action, List<String> resources, ServiceContext context) {
        policies.refusal(caller, action, resources).ifPresent(text -> {
            context.log().println("local-agentcore: " + action.substring(action.indexOf(':') + 1) + " refused: " + text);
            throw IdentityErrors.accessDenied(text).exception();
        });
    }

    /** {@code token-vault/default} and the provider in it: what the toolkit's execution role grants these actions on. */
    private static List<String> vaultResources(ServiceContext context, String providerType, String name) {
        String vault = "arn:aws:bedrock-agentcore:" + context.region() + ":" + context.accountId() + ":token-vault/default";
        return List.of(vault, vault + "/" + providerType + "/" + name);
    }

    /** The grant of a workload access token that this AgentCore issued and that has not expired. */
    private WorkloadAccessGrant validGrant(String token) {
        return switch (tokens.lookup(token, clock.instant())) {
            case WorkloadAccessTokens.Lookup.Unknown u -> throw IdentityErrors.unknownWorkloadToken().exception();
            case WorkloadAccessTokens.Lookup.Expired e -> throw IdentityErrors.expiredWorkloadToken().exception();
            // A caller of another account never gets here: IAM refuses it the vault of this one (cross-account
            // access needs a resource-based policy, which the token vault does not have).
            case WorkloadAccessTokens.Lookup.Valid v -> v.grant();
        };
    }

    /** The runtime whose workload identity is {@code name} (AgentCore names it after the runtime id). */
    private static Optional<AgentRuntime> runtimeOf(String name, ServiceContext context) {
        return RuntimeId.looksLike(name) ? context.runtimes().find(RuntimeId.of(name)) : Optional.empty();
    }

    /**
     * The user token, verified by local-oauth's JWT authorizer: with the runtime's customJWTAuthorizer when its
     * workload identity is a runtime's that has one (what AgentCore itself checked before it asked for the token),
     * else with the discovery document of the token's own issuer (signature, issuer, expiry).
     */
    private WorkloadUser verifiedSubject(String userToken, Optional<AgentRuntime> runtime, ServiceContext context) {
        Optional<JwtAuthorizerConfig> config = runtime.flatMap(r -> authorizerOf(r, context))
                .or(() -> issuerOf(userToken).map(iss -> JwtAuthorizerConfig.of(
                        (iss.endsWith("/") ? iss.substring(0, iss.length() - 1) : iss)
                                + "/.well-known/openid-configuration")));
        if (config.isEmpty()) {
            throw IdentityErrors.userTokenRefused(Rejection.MALFORMED_TOKEN.answer()).exception();
        }
        return switch (jwtAuthorizer.authorizeToken(config.get(), userToken)) {
            case AuthorizationResult.Accepted a -> new WorkloadUser.JwtSubject(a.issuer(), a.subject());
            case AuthorizationResult.Rejected r -> {
                context.log().println("local-agentcore: GetWorkloadAccessTokenForJWT: user token refused: "
                        + r.reason() + " (" + r.detail() + ")");
                throw IdentityErrors.userTokenRefused(r.answer()).exception();
            }
        };
    }

    private static Optional<JwtAuthorizerConfig> authorizerOf(AgentRuntime runtime, ServiceContext context) {
        RuntimeConfiguration configuration = context.runtimes().resolve(runtime.id(), Qualifier.DEFAULT)
                instanceof Resolution.Found found ? found.version().configuration() : runtime.latest().configuration();
        if (configuration.jwtAuthorizer().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JwtAuthorizerConfig.fromJson(
                configuration.wire().path("authorizerConfiguration").path("customJWTAuthorizer")));
    }

    /** The {@code iss} claim of a JWT, read without verifying it: only to find where its keys are. */
    private static Optional<String> issuerOf(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            String iss = Response.JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("iss").asString("");
            return iss.startsWith("http://") || iss.startsWith("https://") ? Optional.of(iss) : Optional.empty();
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }

    public static final class Builder {
        private IamDirectory iam = new InMemoryIamDirectory();
        private AccessKeyDirectory accessKeys = new InMemoryAccessKeys();
        private JwtAuthorizer jwtAuthorizer = JwtAuthorizer.create(UrlRewrite.none());
        private CredentialProviders providers = new CredentialProviders();
        private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
        private InstantSource clock = InstantSource.system();
        private final Set<String> workloadIdentities = new java.util.LinkedHashSet<>();

        private Builder() {
        }

        /** Where callers' policies come from (default: an empty directory, allowing nothing). */
        public Builder iam(IamDirectory value) {
            this.iam = Objects.requireNonNull(value);
            return this;
        }

        /** Who owns an access key (default: nobody, so every caller is unrecognized). */
        public Builder accessKeys(AccessKeyDirectory value) {
            this.accessKeys = Objects.requireNonNull(value);
            return this;
        }

        /** The user-token check of GetWorkloadAccessTokenForJWT (default: local-oauth's, URLs fetched as they are). */
        public Builder jwtAuthorizer(JwtAuthorizer value) {
            this.jwtAuthorizer = Objects.requireNonNull(value);
            return this;
        }

        /** The token vault's credential providers (default: none). */
        public Builder credentialProviders(CredentialProviders value) {
            this.providers = Objects.requireNonNull(value);
            return this;
        }

        /** How long a workload access token holds (default {@link #DEFAULT_TOKEN_LIFETIME}). */
        public Builder tokenLifetime(Duration value) {
            this.tokenLifetime = Objects.requireNonNull(value);
            return this;
        }

        /** The clock tokens expire by (default the system's; a test moves its own). */
        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /**
         * A workload identity that is no runtime's (CreateWorkloadIdentity, for agents hosted elsewhere), by its name:
         * 3 to 255 letters, digits, '_', '.' or '-'.
         */
        public Builder workloadIdentity(String name) {
            if (name == null || name.length() < 3 || name.length() > 255 || !name.matches(WORKLOAD_NAME_PATTERN)) {
                throw new IllegalArgumentException("workload identity name '" + name
                        + "' must be 3 to 255 letters, digits, '_', '.' or '-'");
            }
            workloadIdentities.add(name);
            return this;
        }

        public IdentityService build() {
            return new IdentityService(this);
        }
    }
}
