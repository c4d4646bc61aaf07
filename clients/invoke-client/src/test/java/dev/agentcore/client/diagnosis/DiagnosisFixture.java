package dev.agentcore.client.diagnosis;

import dev.agentcore.client.runtime.EndpointOrigin;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.agentcore.client.Jwts;
import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.invoke.AuthMode;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.core.state.AuthorizerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One recorded failure, read from {@code src/test/resources/diagnoses/<rule id>.yaml}: the call as it was made (auth,
 * token claims, qualifier, endpoint), what the lookups knew, the response (status, headers, body) or the transport
 * problem instead of one, and the ranked rule ids the diagnosis must produce. The docs page shows the same example.
 *
 * <p>Everything is fixed so the page is reproducible: the clock, the session id, and tokens minted with the claims
 * the fixture gives (their signatures differ per run, but a report never shows a token whole).
 */
record DiagnosisFixture(String ruleId, String story, JsonNode root) {

    static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String DEFAULT_RUNTIME = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE";
    static final SessionId SESSION = new SessionId("d0c5e7a2-5b1f-4c4e-9a57-3f2f1e0b9c11");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static DiagnosisFixture read(Path file) {
        String name = file.getFileName().toString();
        try {
            return parse(name.substring(0, name.length() - ".yaml".length()), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture written inline, for the variants of a rule that its one example file does not show. */
    static DiagnosisFixture parse(String name, String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ".yaml: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(name + ".yaml: not a YAML mapping");
        }
        return new DiagnosisFixture(name, text(root, "story", null), root);
    }

    /** The directory of the fixtures in the source tree (the docs generator reads them from there too). */
    static Path fixtures() {
        return Path.of(System.getProperty("repo.root", "../.."))
                .resolve("clients/invoke-client/src/test/resources/diagnoses");
    }

    static List<DiagnosisFixture> all() {
        try (var files = Files.list(fixtures())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().map(DiagnosisFixture::read)
                    .filter(f -> !f.root().has("family")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- what the fixture says --------------------------------------------------------------------------------

    JsonNode call() {
        return root.path("call");
    }

    ServerProtocol protocol() {
        return ServerProtocol.parse(text(call(), "protocol", "HTTP")).orElseThrow();
    }

    Optional<BearerToken> token() {
        JsonNode token = call().path("token");
        if (token.isMissingNode() || token.isNull()) {
            return Optional.empty();
        }
        if (token.has("value")) {
            return Optional.of(BearerToken.of(token.get("value").asString(), "--token"));
        }
        return Optional.of(BearerToken.of(Jwts.sign(claims(token)), "--token"));
    }

    AuthMode authMode() {
        String auth = text(call(), "auth", null);
        if (auth != null) {
            return AuthMode.valueOf(auth);
        }
        if (token().isPresent()) {
            return AuthMode.BEARER;
        }
        return call().has("local") ? AuthMode.NONE : AuthMode.SIGV4;
    }

    InvocationTarget target() {
        if (call().has("local")) {
            return InvocationTarget.direct(URI.create(call().get("local").asString()), EndpointOrigin.flag("--local"));
        }
        RuntimeArn arn = RuntimeArn.parse(text(call(), "runtime", DEFAULT_RUNTIME));
        String qualifier = text(call(), "qualifier", InvocationTarget.DEFAULT_QUALIFIER);
        if (call().has("endpoint")) {
            return InvocationTarget.at(arn, qualifier, URI.create(call().get("endpoint").asString()), EndpointOrigin.environmentVariable(text(call(), "endpointOrigin", "--endpoint-url")));
        }
        return InvocationTarget.of(arn, qualifier);
    }

    Duration timeout() {
        return Duration.parse(text(call(), "timeout", "PT60S"));
    }

    Optional<TransportProblem> noResponse() {
        return Optional.ofNullable(text(root, "noResponse", null)).map(TransportProblem::valueOf);
    }

    Optional<ResponseView> response() {
        JsonNode response = root.path("response");
        if (response.isMissingNode()) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.path("headers").properties().forEach(e -> headers.put(e.getKey(), List.of(e.getValue().asString())));
        return Optional.of(new ResponseView(required(response, "status").asInt(), headers, text(response, "body", "")));
    }

    FailureCategory expectedCategory() {
        return FailureCategory.valueOf(required(root.path("expect"), "category").asString());
    }

    List<String> expectedCauses() {
        List<String> ids = new ArrayList<>();
        required(root.path("expect"), "causes").forEach(id -> ids.add(id.asString()));
        return ids;
    }

    // --- the failure it describes -----------------------------------------------------------------------------

    RequestView request() {
        InvocationTarget target = target();
        URI uri = call().has("requestUrl") ? URI.create(call().get("requestUrl").asString()) : target.invocationUri();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json, text/event-stream"));
        headers.put("Content-Type", List.of("application/json"));
        headers.put(SessionId.HEADER, List.of(SESSION.value()));
        if (authMode() == AuthMode.SIGV4) {
            headers.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260701/"
                    + (target.arn() == null ? "us-east-1" : target.arn().region())
                    + "/bedrock-agentcore/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef"));
        } else {
            token().ifPresent(t -> headers.put("Authorization", List.of("Bearer " + t.value())));
        }
        call().path("headers").properties().forEach(e -> headers.put(e.getKey(), List.of(e.getValue().asString())));
        return new RequestView("POST", uri, headers);
    }

    /** The failure; {@code call.attempts} above 1 is a call the client sent again (a busy session). */
    InvocationFailure failure() {
        Optional<TransportProblem> problem = noResponse();
        InvocationFailure failure = problem.isPresent()
                ? InvocationFailure.transport(authMode(), request(), exception(problem.get(), target()))
                : InvocationFailure.response(authMode(), request(), response().orElseThrow(
                        () -> new IllegalArgumentException(ruleId + ".yaml: needs a response or noResponse")));
        int attempts = call().path("attempts").asInt(1);
        return attempts > 1 ? failure.afterAttempts(attempts) : failure;
    }

    FailureContext context() {
        return FailureContext.builder(failure(), target()).token(token().orElse(null)).protocol(protocol())
                .timeout(timeout()).build();
    }

    RuntimeDirectory directory() {
        return new FixtureDirectory(root.path("lookups"));
    }

    Diagnosis diagnose() {
        return new Diagnostician(directory(), CLOCK).diagnose(context());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** A Cognito-shaped access (or ID) token, with the fixture's claims laid over it; null removes a claim. */
    private static JWTClaimsSet claims(JsonNode token) {
        Instant expires = NOW.plus(Duration.parse(text(token, "expiresIn", "PT1H")));
        boolean id = "id".equals(text(token, "kind", "access"));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", Jwts.ISSUER);
        claims.put("sub", UUID.nameUUIDFromBytes(Jwts.CLIENT_ID.getBytes()).toString());
        if (id) {
            claims.put("aud", List.of(Jwts.CLIENT_ID));
            claims.put("token_use", "id");
            claims.put("cognito:username", "alice");
        } else {
            claims.put("client_id", Jwts.CLIENT_ID);
            claims.put("token_use", "access");
            claims.put("scope", "agentcore/invoke");
        }
        token.path("claims").properties().forEach(e -> {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                claims.remove(e.getKey());
            } else if (value.isArray()) {
                List<String> values = new ArrayList<>();
                value.forEach(v -> values.add(v.asString()));
                claims.put(e.getKey(), values);
            } else {
                claims.put(e.getKey(), value.asString());
            }
        });
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issueTime(Date.from(expires.minusSeconds(3600)))
                .expirationTime(Date.from(expires));
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static Throwable exception(TransportProblem problem, InvocationTarget target) {
        String host = target.dataPlane().getHost();
        return switch (problem) {
            case TIMEOUT -> new HttpTimeoutException("request timed out");
            case CONNECTION_REFUSED -> new ConnectException("Connection refused");
            case UNKNOWN_HOST -> new UnknownHostException(host);
            case TLS -> new SSLHandshakeException("Remote host terminated the handshake");
            case IO -> new IOException("Connection reset");
        };
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? fallback : value.asString();
    }

    private JsonNode required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException(ruleId + ".yaml: '" + field + "' is missing");
        }
        return value;
    }

    /**
     * What the lookups knew: {@code runtime} (facts, or {@code missing}) and {@code endpoints}; either one absent
     * means it could not be asked, as with --no-lookup.
     */
    private record FixtureDirectory(JsonNode lookups) implements RuntimeDirectory {

        private String source() {
            return text(lookups, "source", "the control plane (GetAgentRuntime)");
        }

        @Override
        public Lookup<RuntimeFacts> describe(RuntimeArn arn) {
            JsonNode runtime = lookups.path("runtime");
            if (runtime.isMissingNode()) {
                return new Lookup.Unavailable<>("no lookups in this example");
            }
            if (runtime.isString() && runtime.asString().equals("missing")) {
                return new Lookup.Missing<>("the control plane (GetAgentRuntime in " + arn.region() + ")");
            }
            JsonNode authorizer = runtime.path("authorizer");
            return new Lookup.Found<>(new RuntimeFacts(text(runtime, "name", arn.runtimeName()),
                    text(runtime, "roleArn", null), text(runtime, "workloadIdentityArn", null),
                    Optional.ofNullable(text(runtime, "createdAt", null)).map(Instant::parse).orElse(null),
                    authorizer.isMissingNode() ? null : new AuthorizerSettings(text(authorizer, "discoveryUrl", Jwts.DISCOVERY_URL),
                            strings(authorizer.path("allowedClients")), strings(authorizer.path("allowedAudience")),
                            strings(authorizer.path("allowedScopes"))),
                    ServerProtocol.parse(text(runtime, "protocol", null)).orElse(null)), source());
        }

        @Override
        public Lookup<List<EndpointFacts>> endpoints(RuntimeArn arn) {
            JsonNode endpoints = lookups.path("endpoints");
            if (endpoints.isMissingNode()) {
                return new Lookup.Unavailable<>("no lookups in this example");
            }
            List<EndpointFacts> all = new ArrayList<>();
            endpoints.forEach(e -> all.add(new EndpointFacts(text(e, "name", null), text(e, "liveVersion", null),
                    text(e, "status", null))));
            return new Lookup.Found<>(all, "the control plane (ListAgentRuntimeEndpoints)");
        }

        private static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(v -> values.add(v.asString()));
            return values;
        }
    }
}
