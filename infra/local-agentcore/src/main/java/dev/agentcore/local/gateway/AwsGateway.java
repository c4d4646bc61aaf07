package dev.agentcore.local.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.local.auth.CredentialsDirectory;
import dev.agentcore.local.auth.SigV4Authenticator;
import dev.agentcore.local.auth.SigV4Request;
import dev.agentcore.local.data.IamDirectory;
import dev.agentcore.local.data.IdentityPolicyCheck;
import dev.agentcore.local.gateway.GatewayRule.AnsweredBy;
import dev.agentcore.local.gateway.GatewayRule.Check;
import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.AwsErrorException;
import dev.agentcore.local.http.Request;
import dev.agentcore.local.http.Response;
import tools.jackson.databind.JsonNode;

/**
 * The AWS gateway: the endpoint a session's {@code AWS_ENDPOINT_URL} names, in front of the local AWS (moto), so that
 * what the agent calls is checked against its execution role's policies as AWS checks it. On its own port: the SDKs
 * send every service's requests to the root of {@code AWS_ENDPOINT_URL} ({@code POST /} for the JSON and query
 * services), which the AgentCore port cannot take without clashing with its own routes, and a port of its own keeps
 * {@code AWS_ENDPOINT_URL_BEDROCK_AGENTCORE} free to name the AgentCore port.
 *
 * <p>For each request: SigV4 verified for the service its credential scope names (the same keys as the AgentCore
 * port: moto's user keys and AssumeRole sessions resolve to their principals); the operation read from the request
 * ({@code X-Amz-Target}, the query's {@code Action}, or a REST path); its rule in {@link GatewayRules}; the caller's
 * identity policies asked with the core's evaluator; a refusal answered as the service answers it (IAM's text, in the
 * protocol's error shape); else the local model answers, or the request goes to moto unchanged and moto's answer
 * streams back. An operation with no rule is forwarded unchecked, and the log says so once per operation: the agent
 * keeps working with services the table does not cover, and nobody mistakes that for enforcement.
 */
public final class AwsGateway implements AutoCloseable {

    /** Request headers the JDK's client sets itself (and refuses to be given). */
    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final ExecutorService executor;
    /** Empty for a gateway that answers Bedrock only ({@code local-agentcore bedrock-echo}). */
    private final Optional<URI> localAws;
    private final String region;
    private final String accountId;
    private final CredentialsDirectory credentials;
    private final InstantSource clock;
    private final IdentityPolicyCheck policies;
    private final PrintStream log;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, SigV4Authenticator> authenticators = new ConcurrentHashMap<>();
    private final Set<String> uncheckedLogged = ConcurrentHashMap.newKeySet();

    private AwsGateway(Builder b) throws IOException {
        this.localAws = Optional.ofNullable(b.localAws);
        this.region = Objects.requireNonNull(b.region, "region");
        this.accountId = Objects.requireNonNull(b.accountId, "accountId");
        this.credentials = Objects.requireNonNull(b.credentials, "credentials");
        this.clock = b.clock;
        this.policies = new IdentityPolicyCheck(Objects.requireNonNull(b.iam, "iam"));
        this.log = b.log;
        this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public static Builder builder(URI localAws) {
        return new Builder(Objects.requireNonNull(localAws, "localAws"));
    }

    /**
     * A gateway with no local AWS behind it: Bedrock Converse and ConverseStream are answered by the local model, and
     * what would be forwarded is answered {@code 501 NotImplemented} naming the operation.
     */
    public static Builder withoutLocalAws() {
        return new Builder(null);
    }

    /** {@code http://host:port}: what sessions get as {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        var address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) {
        try (exchange) {
            exchange.getResponseHeaders().set(Response.REQUEST_ID_HEADER, java.util.UUID.randomUUID().toString());
            Request request = Request.of(exchange);
            AwsProtocol protocol = protocolOf(request);
            Response response;
            try {
                response = handle(request, protocol);
            } catch (AwsErrorException e) {
                response = protocol.error(e.error());
            } catch (RuntimeException e) {
                log.println("local-agentcore: AWS gateway: " + request.method() + " " + request.rawPath() + ": " + e);
                response = protocol.error(AwsError.of(500, "InternalFailure",
                        "The local AWS gateway failed to process the request: " + e.getClass().getSimpleName()));
            }
            response.send(exchange);
        } catch (IOException e) {
            log.println("local-agentcore: AWS gateway: " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + ": " + e);
        }
    }

    private Response handle(Request request, AwsProtocol protocol) throws IOException {
        String service = scopeService(request).orElseThrow(SigV4Authenticator::missingToken);
        SigV4Request signed = authenticators.computeIfAbsent(service, s -> SigV4Authenticator.builder(region, s)
                .clock(clock).credentials(credentials).build()).authenticate(request);
        PrincipalArn caller = signed.principal().orElseThrow();

        Optional<GatewayRule> rule;
        OperationCall call;
        switch (protocol) {
            case REST_JSON -> {
                var match = GatewayRules.rest(service, request.method(), request.rawPath());
                rule = match.map(GatewayRules.RestMatch::rule);
                call = new OperationCall(service, rule.map(GatewayRule::operation).orElse(request.method() + " "
                        + request.rawPath()), protocol, json(request), Map.of(),
                        match.map(GatewayRules.RestMatch::labels).orElse(Map.of()), region, accountId);
            }
            case JSON_1_1 -> {
                String target = request.header("X-Amz-Target").orElse("");
                String operation = target.substring(target.indexOf('.') + 1);
                rule = GatewayRules.named(service, operation);
                call = new OperationCall(service, operation, protocol, json(request), Map.of(), Map.of(), region,
                        accountId);
            }
            case QUERY -> {
                Map<String, String> parameters = form(request);
                String operation = parameters.getOrDefault("Action", "");
                rule = GatewayRules.named(service, operation);
                call = new OperationCall(service, operation, protocol, Response.JSON.createObjectNode(), parameters,
                        Map.of(), region, accountId);
            }
            default -> throw new IllegalStateException();
        }

        if (rule.isEmpty()) {
            if (uncheckedLogged.add(service + " " + call.operation())) {
                log.println("local-agentcore: AWS gateway: " + service + " " + call.operation()
                        + " is not in the gateway's rules: forwarded to the local AWS without an IAM check");
            }
            return forward(request, call);
        }
        if (rule.get().check() instanceof Check.Action check) {
            List<String> resources = check.resources().apply(call);
            Optional<String> refusal = policies.refusal(caller, check.action(), resources, check.context().apply(call));
            if (refusal.isPresent()) {
                log.println("local-agentcore: AWS gateway: " + rule.get().id() + " refused: " + refusal.get());
                throw AwsError.of(protocol.accessDeniedStatus(), protocol.accessDeniedType(), refusal.get())
                        .exception();
            }
        }
        if (rule.get().answeredBy() == AnsweredBy.LOCAL_MODEL) {
            return rule.get().operation().equals("ConverseStream") ? LocalBedrockModel.converseStream(request.body())
                    : LocalBedrockModel.converse(request.body());
        }
        return forward(request, call);
    }

    /** The protocol the request speaks, from how it names its operation. */
    static AwsProtocol protocolOf(Request request) {
        if (request.header("X-Amz-Target").isPresent()) {
            return AwsProtocol.JSON_1_1;
        }
        String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || request.query("Action").isPresent()) {
            return AwsProtocol.QUERY;
        }
        return AwsProtocol.REST_JSON;
    }

    /** The service of the SigV4 credential scope ({@code KEY/DATE/REGION/SERVICE/aws4_request}). */
    private static Optional<String> scopeService(Request request) {
        String credential = request.query("X-Amz-Credential").orElse(null);
        if (credential == null) {
            String authorization = request.header("Authorization").orElse("");
            int at = authorization.indexOf("Credential=");
            if (at < 0) {
                return Optional.empty();
            }
            int end = authorization.indexOf(',', at);
            credential = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end);
        }
        String[] scope = credential.strip().split("/", -1);
        return scope.length == 5 && !scope[3].isEmpty() ? Optional.of(scope[3]) : Optional.empty();
    }

    private static JsonNode json(Request request) throws IOException {
        byte[] body = request.body();
        if (body.length == 0) {
            return Response.JSON.createObjectNode();
        }
        try {
            return Response.JSON.readTree(body);
        } catch (RuntimeException e) {
            // Not ours to judge: the service answers a malformed body; the rule then sees no members.
            return Response.JSON.createObjectNode();
        }
    }

    private static Map<String, String> form(Request request) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.queryParameters().forEach((name, values) -> parameters.put(name, values.getFirst()));
        String body = new String(request.body(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** The request as it came (method, path, query, headers, body) to the local AWS; its answer streamed back. */
    private Response forward(Request request, OperationCall call) throws IOException {
        if (localAws.isEmpty()) {
            throw AwsError.of(501, "NotImplemented", "This gateway has no local AWS behind it and answers Bedrock"
                    + " Converse and ConverseStream only, not " + call.service() + " " + call.operation()
                    + ": start the local stack (make local-up) for other services").exception();
        }
        URI aws = localAws.get();
        String query = request.rawQuery();
        URI target = URI.create(aws.toString().replaceAll("/+$", "") + request.rawPath()
                + (query.isEmpty() ? "" : "?" + query));
        byte[] body = request.body();
        HttpRequest.Builder out = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(5))
                .method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> out.header(name, value));
            }
        });
        HttpResponse<InputStream> answer;
        try {
            answer = client.send(out.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the local AWS", e);
        } catch (IOException e) {
            throw AwsError.of(503, "ServiceUnavailable", "The local AWS at " + aws + " does not answer: "
                    + e.getMessage()).exception();
        }
        return exchange -> {
            answer.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":") && !HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            long length = answer.headers().firstValueAsLong("content-length").orElse(-1);
            boolean empty = length == 0 || request.method().equals("HEAD");
            exchange.sendResponseHeaders(answer.statusCode(), empty ? -1 : length > 0 ? length : 0);
            try (InputStream in = answer.body(); OutputStream body2 = exchange.getResponseBody()) {
                if (!empty) {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        body2.write(buffer, 0, n);
                        body2.flush();
                    }
                }
            }
        };
    }

    public static final class Builder {
        private final URI localAws;
        private String host = "127.0.0.1";
        private int port;
        private String region = "us-east-1";
        private String accountId = "123456789012";
        private CredentialsDirectory credentials = CredentialsDirectory.none();
        private IamDirectory iam = principal -> List.of();
        private InstantSource clock = InstantSource.system();
        private PrintStream log = System.err;

        private Builder(URI localAws) {
            this.localAws = localAws;
        }

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        /** 0 (default): a free port. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** The region signatures must be scoped to, and the region of the resources checked. */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        public Builder accountId(String value) {
            this.accountId = value;
            return this;
        }

        /** Who signs: the same directory as the AgentCore port's (moto's keys and sessions among them). */
        public Builder credentials(CredentialsDirectory value) {
            this.credentials = value;
            return this;
        }

        /** The callers' identity policies (moto's IAM). */
        public Builder iam(IamDirectory value) {
            this.iam = value;
            return this;
        }

        public Builder clock(InstantSource value) {
            this.clock = value;
            return this;
        }

        public Builder log(PrintStream value) {
            this.log = value;
            return this;
        }

        /** Binds the port and serves. */
        public AwsGateway start() throws IOException {
            return new AwsGateway(this);
        }
    }
}
