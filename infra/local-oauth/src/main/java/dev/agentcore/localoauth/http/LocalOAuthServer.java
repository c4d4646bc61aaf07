package dev.agentcore.localoauth.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.agentcore.localoauth.authorize.AuthorizationRequest;
import dev.agentcore.localoauth.authorize.AuthorizeAnswer;
import dev.agentcore.localoauth.authorize.ManagedLogin;
import dev.agentcore.localoauth.authorize.SignInPage;
import dev.agentcore.localoauth.authorizer.UrlRewrite;
import dev.agentcore.localoauth.discovery.DiscoveryDocuments;
import dev.agentcore.localoauth.discovery.IssuerBase;
import dev.agentcore.localoauth.keys.PoolKeys;
import dev.agentcore.localoauth.pool.UserPool;
import dev.agentcore.localoauth.pool.UserPoolId;
import dev.agentcore.localoauth.pool.UserPools;
import dev.agentcore.localoauth.token.AccessTokenIssuer;
import dev.agentcore.localoauth.token.AuthorizationCodes;
import dev.agentcore.localoauth.token.RefreshTokens;
import dev.agentcore.localoauth.token.TokenEndpoint;
import dev.agentcore.localoauth.token.TokenOutcome;
import dev.agentcore.localoauth.token.UserTokenIssuer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cognito's per-pool endpoints over HTTP, on the JDK's HttpServer. Paths, under the base URL this is mounted at:
 * <ul>
 *   <li>{@code GET /<pool id>/.well-known/openid-configuration}: the discovery document;</li>
 *   <li>{@code GET /<pool id>/.well-known/jwks.json}: the pool's public keys;</li>
 *   <li>{@code POST /<pool id>/oauth2/token}, or {@code POST /<domain prefix>/oauth2/token}: the token endpoint.
 *       {@code <base>/<pool id>} (or {@code <base>/<domain prefix>}) is the pool's "domain": give it to
 *       {@code agentcore-invoke} as the Cognito domain, which appends {@code /oauth2/token} itself.</li>
 *   <li>Under the same domain, managed login's pages: {@code GET /oauth2/authorize} (to the sign-in page),
 *       {@code GET} and {@code POST /login} (the sign-in form) and {@code GET /error}.</li>
 * </ul>
 * Pool ids ({@code us-east-1_AbC}) always have an underscore and domain prefixes never do, so one path segment serves
 * both.
 *
 * <p>Standalone: {@link #start(int)}. Inside the local AgentCore service: {@link #mount(HttpServer, String, URI)} on
 * its own server, under a prefix of its own (such as {@code /cognito}).
 */
public final class LocalOAuthServer {

    private static final System.Logger LOG = System.getLogger(LocalOAuthServer.class.getName());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROUTE = Pattern.compile("/([^/]+)(/\\.well-known/openid-configuration|/\\.well-known/jwks\\.json|/oauth2/token|/oauth2/authorize|/login|/error)/?");

    private final UserPools pools;
    private final PoolKeys keys;
    private final Clock clock;
    private final Optional<IssuerBase> issuerOverride;

    private URI baseUrl;
    private IssuerBase issuers;
    private TokenEndpoint tokenEndpoint;
    private ManagedLogin managedLogin;
    private HttpServer ownServer;
    private ExecutorService ownExecutor;

    private LocalOAuthServer(Builder builder) {
        this.pools = builder.pools;
        this.keys = builder.keys;
        this.clock = builder.clock;
        this.issuerOverride = Optional.ofNullable(builder.issuerBase);
    }

    public static Builder builder(UserPools pools) {
        return new Builder(pools);
    }

    /** Serves on 127.0.0.1 at {@code port} (0 for any free port), at the root path. */
    public synchronized LocalOAuthServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        mount(server, "", base);
        server.start();
        ownServer = server;
        ownExecutor = executor;
        return this;
    }

    /**
     * Adds the endpoints to a server the caller owns and starts.
     *
     * @param contextPath where on that server, {@code ""} for the root or a prefix like {@code /cognito}
     * @param serverUrl   how clients reach that server ({@code http://127.0.0.1:PORT}), for the URLs this publishes
     */
    public synchronized void mount(HttpServer server, String contextPath, URI serverUrl) {
        if (baseUrl != null) {
            throw new IllegalStateException("already serving at " + baseUrl);
        }
        String prefix = contextPath == null || contextPath.equals("/") ? "" : contextPath.replaceAll("/+$", "");
        String root = serverUrl.toString().replaceAll("/+$", "");
        this.baseUrl = URI.create(root + prefix);
        this.issuers = issuerOverride.orElse(IssuerBase.at(baseUrl));
        AuthorizationCodes codes = new AuthorizationCodes(clock);
        this.tokenEndpoint = new TokenEndpoint(pools, new AccessTokenIssuer(keys, issuers, clock),
                new UserTokenIssuer(keys, issuers, clock), codes, new RefreshTokens(clock));
        this.managedLogin = new ManagedLogin(pools, codes, clock);
        server.createContext(prefix.isEmpty() ? "/" : prefix + "/", handler(prefix));
    }

    public synchronized void stop() {
        if (ownServer != null) {
            ownServer.stop(0);
            ownExecutor.shutdownNow();
            ownServer = null;
            ownExecutor = null;
        }
    }

    /** Where this serves, {@code http://127.0.0.1:PORT[/prefix]}. */
    public URI baseUrl() {
        requireStarted();
        return baseUrl;
    }

    public IssuerBase issuers() {
        requireStarted();
        return issuers;
    }

    /** The pool's issuer, as tokens carry it in {@code iss}. */
    public URI issuer(UserPoolId pool) {
        return issuers().issuer(pool);
    }

    /** The discovery URL a runtime's customJWTAuthorizer should name to trust this pool. */
    public URI discoveryUrl(UserPoolId pool) {
        return URI.create(issuer(pool) + "/.well-known/openid-configuration");
    }

    /** The pool's "domain" on this server: what agentcore-invoke takes as the Cognito domain. */
    public URI domain(UserPoolId pool) {
        return URI.create(baseUrl() + "/" + pool.value());
    }

    public URI tokenEndpoint(UserPoolId pool) {
        return URI.create(domain(pool) + "/oauth2/token");
    }

    /** Where a browser starts the authorization code grant: {@code <domain>/oauth2/authorize}. */
    public URI authorizationEndpoint(UserPoolId pool) {
        return URI.create(domain(pool) + "/oauth2/authorize");
    }

    /**
     * For the authorizer: fetch Cognito's real discovery and JWKS URLs here. Needed when tokens carry Cognito's own
     * issuer ({@link IssuerBase#awsCognito()}); harmless otherwise.
     */
    public UrlRewrite cognitoRewrite() {
        return UrlRewrite.cognitoTo(baseUrl());
    }

    public PoolKeys keys() {
        return keys;
    }

    private void requireStarted() {
        if (baseUrl == null) {
            throw new IllegalStateException("the local OAuth server is not started or mounted yet");
        }
    }

    private HttpHandler handler(String prefix) {
        return exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getRawPath().substring(prefix.length());
                Matcher route = ROUTE.matcher(path);
                if (!route.matches()) {
                    send(exchange, 404, Map.of("message", "Not found: " + path));
                    return;
                }
                String segment = route.group(1);
                String endpoint = route.group(2);
                try {
                    if (endpoint.endsWith("/oauth2/token")) {
                        token(exchange, segment);
                    } else if (endpoint.startsWith("/oauth2/authorize") || endpoint.startsWith("/login")
                            || endpoint.startsWith("/error")) {
                        managedLogin(exchange, segment, endpoint);
                    } else {
                        wellKnown(exchange, segment, endpoint.endsWith("jwks.json"));
                    }
                } catch (UserPools.UnavailableException e) {
                    LOG.log(System.Logger.Level.WARNING, e.getMessage());
                    send(exchange, 500, Map.of("message", e.getMessage()));
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "local OAuth request failed", e);
                throw e;
            }
        };
    }

    private void wellKnown(HttpExchange exchange, String segment, boolean jwks) throws IOException {
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            sendEmpty(exchange, 405, "GET");
            return;
        }
        Optional<UserPool> pool = UserPoolId.isValid(segment) ? pools.pool(UserPoolId.of(segment)) : Optional.empty();
        if (pool.isEmpty()) {
            send(exchange, 404, Map.of("message", "User pool " + segment + " does not exist."));
            return;
        }
        UserPoolId id = pool.get().id();
        send(exchange, 200, jwks ? DiscoveryDocuments.jwks(keys.publicKeys(id))
                : DiscoveryDocuments.openIdConfiguration(issuers.issuer(id), authorizationEndpoint(id), tokenEndpoint(id)));
    }

    private void token(HttpExchange exchange, String segment) throws IOException {
        Optional<UserPool> pool = UserPoolId.isValid(segment) ? pools.pool(UserPoolId.of(segment))
                : pools.poolByDomain(segment);
        if (pool.isEmpty()) {
            // On AWS an unknown domain does not resolve; here the host does, so the nearest answer is a 404.
            send(exchange, 404, Map.of("message", "No user pool has the id or domain " + segment));
            return;
        }
        String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
        // Cognito's token endpoint takes only POST with a form; other requests were observed to get an empty 405.
        if (!exchange.getRequestMethod().equals("POST")
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            sendEmpty(exchange, 405, "POST");
            return;
        }
        String form;
        try (InputStream body = exchange.getRequestBody()) {
            form = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
        TokenOutcome outcome = tokenEndpoint.exchange(pool.get(),
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")), form);
        if (outcome instanceof TokenOutcome.Refused refused) {
            LOG.log(System.Logger.Level.INFO, "token request for pool {0} refused with {1}: {2}", pool.get().id(),
                    refused.error().code(), refused.reason());
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        send(exchange, outcome.httpStatus(), outcome.body());
    }

    /**
     * Managed login's pages for the pool's domain. {@code /oauth2/authorize} checks the request and sends the browser
     * to {@code /login} with the same query, as Cognito does; {@code /login} shows the form (GET) or signs in (POST);
     * {@code /error} is Cognito's error page, a 400.
     */
    private void managedLogin(HttpExchange exchange, String segment, String endpoint) throws IOException {
        Optional<UserPool> found = UserPoolId.isValid(segment) ? pools.pool(UserPoolId.of(segment))
                : pools.poolByDomain(segment);
        if (found.isEmpty()) {
            send(exchange, 404, Map.of("message", "No user pool has the id or domain " + segment));
            return;
        }
        UserPool pool = found.get();
        String method = exchange.getRequestMethod();
        String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        String domain = baseUrl + "/" + segment;
        boolean post = method.equals("POST");
        if (!method.equals("GET") && !(post && endpoint.startsWith("/login"))) {
            sendEmpty(exchange, 405, endpoint.startsWith("/login") ? "GET, POST" : "GET");
            return;
        }
        if (endpoint.startsWith("/error")) {
            Map<String, List<String>> query = TokenEndpoint.parseForm(rawQuery);
            sendHtml(exchange, 400, SignInPage.error(query.getOrDefault("error", List.of("")).getFirst()));
            return;
        }
        AuthorizationRequest request = AuthorizationRequest.of(TokenEndpoint.parseForm(rawQuery));
        AuthorizeAnswer answer;
        if (post) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, List<String>> form = TokenEndpoint.parseForm(body);
            ManagedLogin.SignInResult result = managedLogin.signIn(pool, request,
                    form.getOrDefault("username", List.of("")).getFirst(),
                    form.getOrDefault("password", List.of("")).getFirst());
            result.refusal().ifPresent(why -> LOG.log(System.Logger.Level.INFO, "sign-in to pool {0} refused: {1}",
                    pool.id(), why));
            answer = result.answer();
        } else {
            answer = managedLogin.check(pool, request);
        }
        switch (answer) {
            case AuthorizeAnswer.ErrorPage page -> {
                LOG.log(System.Logger.Level.INFO, "{0} for pool {1}: {2}", endpoint, pool.id(), page.reason());
                Map<String, String> query = new LinkedHashMap<>();
                query.put("error", page.error());
                page.clientId().ifPresent(id -> query.put("client_id", id));
                redirect(exchange, domain + "/error?" + formEncode(query));
            }
            case AuthorizeAnswer.BackToApp back -> {
                LOG.log(System.Logger.Level.INFO, "{0} for pool {1}: {2}", endpoint, pool.id(), back.reason());
                redirect(exchange, back.location().toString());
            }
            case AuthorizeAnswer.SignInForm form -> {
                if (endpoint.startsWith("/oauth2/authorize")) {
                    redirect(exchange, domain + "/login?" + rawQuery);
                } else {
                    // A refused sign-in shows the form again with the message, as managed login does.
                    sendHtml(exchange, 200, SignInPage.form(form, pool.id().value(), rawQuery));
                }
            }
        }
    }

    private static String formEncode(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sendEmpty(HttpExchange exchange, int status, String allow) throws IOException {
        exchange.getResponseHeaders().set("Allow", allow);
        exchange.sendResponseHeaders(status, -1);
    }

    public static final class Builder {
        private final UserPools pools;
        private PoolKeys keys = new PoolKeys();
        private Clock clock = Clock.systemUTC();
        private IssuerBase issuerBase;

        private Builder(UserPools pools) {
            this.pools = pools;
        }

        public Builder keys(PoolKeys keys) {
            this.keys = keys;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Default: this server's own URL ({@link IssuerBase#at}); {@link IssuerBase#awsCognito()} for Cognito's. */
        public Builder issuerBase(IssuerBase issuerBase) {
            this.issuerBase = issuerBase;
            return this;
        }

        public LocalOAuthServer build() {
            return new LocalOAuthServer(this);
        }
    }
}
