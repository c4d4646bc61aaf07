package dev.agentcore.client.auth;

import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.LikelyCause;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Machine-to-machine tokens: the OAuth client credentials grant against a Cognito user pool domain's
 * {@code /oauth2/token}, with the app client's id and secret and the requested scopes.
 */
public final class CognitoClientCredentials implements TokenSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        JsonNode body = parse(response.body());
        if (response.statusCode() == 200 && body != null && body.hasNonNull("access_token")) {
            String token = body.get("access_token").asString();
            long expiresIn = body.path("expires_in").asLong(3600);
            BearerToken bearer = BearerToken.of(token, "Cognito client credentials (" + tokenEndpoint.getHost() + ")");
            return bearer.expiresAt() != null ? bearer
                    : new BearerToken(token, clock.instant().plusSeconds(expiresIn), bearer.origin());
        }
        throw new TokenException(rejected(view, answer, body));
    }

    private Diagnosis unreachable(RequestView view, TransportProblem problem, Exception e) {
        String summary = "could not reach the Cognito token endpoint " + tokenEndpoint + ": " + problem.text();
        List<LikelyCause> causes = new ArrayList<>();
        if (problem == TransportProblem.UNKNOWN_HOST) {
            causes.add(new LikelyCause("The user pool domain '" + tokenEndpoint.getHost() + "' does not exist",
                    "Copy the domain from the Cognito console (App integration > Domain) or from "
                            + "`aws cognito-idp describe-user-pool --user-pool-id <id> --query UserPool.Domain`; "
                            + "it looks like https://<prefix>.auth.<region>.amazoncognito.com"));
        } else {
            causes.add(new LikelyCause("Nothing answers at " + tokenEndpoint.getAuthority() + " (" + problem.text() + ")",
                    "Check the Cognito domain setting (--cognito-domain, AGENTCORE_COGNITO_DOMAIN or the state file's "
                            + "cognito.domain) and your network or proxy"));
        }
        return new Diagnosis(FailureCategory.NETWORK, summary, causes,
                List.of(requestSection(view), new Section("Error", List.of(String.valueOf(e)))));
    }

    private Diagnosis rejected(RequestView view, ResponseView answer, JsonNode body) {
        String error = body == null ? "" : body.path("error").asString("");
        String summary = "Cognito refused the client credentials grant: HTTP " + answer.status()
                + (error.isEmpty() ? "" : " " + error);
        List<LikelyCause> causes = new ArrayList<>();
        switch (error) {
            case "invalid_client" -> causes.add(new LikelyCause(
                    "The app client id " + clientId + " or its secret is wrong, or the client has no secret",
                    "Compare with `aws cognito-idp describe-user-pool-client --user-pool-id <pool> --client-id "
                            + clientId + "`; machine-to-machine clients need a generated secret"));
            case "unauthorized_client" -> causes.add(new LikelyCause(
                    "App client " + clientId + " is not allowed to use the client_credentials grant",
                    "Enable AllowedOAuthFlows=client_credentials with AllowedOAuthFlowsUserPoolClient=true on the app client"));
            case "invalid_scope" -> causes.add(new LikelyCause(
                    "The scopes " + scopes + " are not all defined on a resource server or not allowed for this client",
                    "Scopes take the form <resource server identifier>/<scope>; list the client's AllowedOAuthScopes"
                            + " with describe-user-pool-client and pass those with --scope"));
            case "invalid_grant" -> causes.add(new LikelyCause("The grant is invalid for this client",
                    "Check the client's allowed OAuth flows"));
            default -> {
                if (answer.status() == 404 || answer.body().contains("<html")) {
                    causes.add(new LikelyCause("The URL " + tokenEndpoint + " is not a Cognito token endpoint",
                            "Use the user pool domain (https://<prefix>.auth.<region>.amazoncognito.com), not the "
                                    + "cognito-idp endpoint or the discovery URL"));
                } else {
                    causes.add(new LikelyCause("Cognito answered HTTP " + answer.status() + " " + error,
                            "Read the response body with --verbose"));
                }
            }
        }
        List<String> response = new ArrayList<>();
        response.add("status: " + answer.status());
        response.add("body:   " + (answer.body().isBlank() ? "(empty)" : answer.body().strip()));
        return new Diagnosis(FailureCategory.AUTH, summary, causes,
                List.of(requestSection(view), new Section("Response", response)));
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

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
