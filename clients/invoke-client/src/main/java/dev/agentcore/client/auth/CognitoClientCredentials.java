package dev.agentcore.client.auth;

import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.Section;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Machine-to-machine tokens: the OAuth client credentials grant against a Cognito user pool domain's
 * {@code /oauth2/token}, with the app client's id and secret and the requested scopes.
 */
public final class CognitoClientCredentials implements TokenSource {

    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final List<String> scopes;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public CognitoClientCredentials(String domain, String clientId, String clientSecret, List<String> scopes,
                                    HttpClient http, Duration timeout, Clock clock) {
        this.tokenEndpoint = tokenEndpoint(domain);
        this.clientId = require(clientId, "client id");
        this.clientSecret = require(clientSecret, "client secret");
        this.scopes = List.copyOf(scopes);
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the Cognito " + what + " is needed for the client credentials grant");
        }
        return value;
    }

    /**
     * Accepts the domain as Cognito shows it ({@code my-pool.auth.us-east-1.amazoncognito.com}), with a scheme,
     * or as the full token URL.
     */
    public static URI tokenEndpoint(String domain) {
        if (domain == null || domain.isBlank()) {
            throw new IllegalArgumentException("the Cognito domain is needed for the client credentials grant "
                    + "(like https://my-pool.auth.us-east-1.amazoncognito.com)");
        }
        String url = domain.strip();
        if (!url.contains("://")) {
            url = "https://" + url;
        }
        if (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (!url.endsWith("/oauth2/token")) {
            url = url + "/oauth2/token";
        }
        return URI.create(url);
    }

    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    @Override
    public BearerToken token() throws TokenException {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId)
                + (scopes.isEmpty() ? "" : "&scope=" + encode(String.join(" ", scopes)));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        RequestView view = new RequestView("POST", tokenEndpoint, request.headers().map());
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenException(unreachable(view, TransportProblem.of(e), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(Diagnosis.of(FailureCategory.OTHER, "interrupted while asking Cognito for a token"), e);
        }
        ResponseView answer = new ResponseView(response.statusCode(), response.headers().map(), response.body());
        JsonNode body = TokenEndpointFailure.parse(response.body()).orElse(null);
        if (response.statusCode() == 200 && body != null && body.hasNonNull("access_token")) {
            String token = body.get("access_token").asString();
            long expiresIn = body.path("expires_in").asLong(3600);
            BearerToken bearer = BearerToken.of(token, "Cognito client credentials (" + tokenEndpoint.getHost() + ")");
            return bearer.expiresAt() != null ? bearer
                    : new BearerToken(token, clock.instant().plusSeconds(expiresIn), bearer.origin());
        }
        throw new TokenException(rejected(view, answer));
    }

    private Diagnosis unreachable(RequestView view, TransportProblem problem, Exception e) {
        return TokenEndpointFailure.unreachable(tokenEndpoint, clientId, scopes, problem)
                .diagnosis(List.of(requestSection(view), new Section("Error", List.of(String.valueOf(e)))));
    }

    private Diagnosis rejected(RequestView view, ResponseView answer) {
        List<String> response = new ArrayList<>();
        response.add("status: " + answer.status());
        response.add("body:   " + (answer.body().isBlank() ? "(empty)" : answer.body().strip()));
        return TokenEndpointFailure.answered(tokenEndpoint, clientId, scopes, answer.status(), answer.body())
                .diagnosis(List.of(requestSection(view), new Section("Response", response)));
    }

    private Section requestSection(RequestView view) {
        List<String> lines = new ArrayList<>();
        lines.add(view.method() + " " + view.uri());
        lines.add("grant_type=client_credentials, client_id=" + clientId + ", scope=" + String.join(" ", scopes));
        for (Map.Entry<String, List<String>> header : view.headers().entrySet()) {
            lines.add(header.getKey() + ": " + String.join(", ", header.getValue()));
        }
        return new Section("Token request", lines);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
