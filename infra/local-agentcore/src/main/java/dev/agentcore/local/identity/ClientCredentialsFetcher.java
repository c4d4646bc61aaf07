package dev.agentcore.local.identity;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.agentcore.local.http.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The M2M flow of GetResourceOauth2Token: an OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) at the
 * provider's token endpoint, the client authenticated with HTTP Basic, the scopes space-separated (none sent when the
 * list is empty, so the server grants its default). Answers the access token; a refusal or an unreachable endpoint is
 * an AWS error that names the provider and the OAuth error, never the secret.
 */
final class ClientCredentialsFetcher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    String accessToken(CredentialProvider.OAuth2Client provider, List<String> scopes) {
        String basic = Base64.getEncoder().encodeToString((form(provider.clientId()) + ":"
                + form(provider.clientSecret())).getBytes(StandardCharsets.UTF_8));
        String body = "grant_type=client_credentials"
                + (scopes.isEmpty() ? "" : "&scope=" + form(String.join(" ", scopes)));
        HttpRequest request = HttpRequest.newBuilder(provider.tokenEndpoint()).timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw IdentityErrors.tokenEndpointFailed(provider.name(), "(" + provider.tokenEndpoint()
                    + ") could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())).exception();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IdentityErrors.tokenEndpointFailed(provider.name(), "was not asked: interrupted").exception();
        }
        JsonNode json = parse(answer.body());
        if (answer.statusCode() != 200) {
            throw IdentityErrors.tokenEndpointRefused(provider.name(), answer.statusCode(),
                    json.path("error").asString("no OAuth error code"),
                    json.path("error_description").asString("")).exception();
        }
        String token = json.path("access_token").asString("");
        if (token.isEmpty()) {
            throw IdentityErrors.tokenEndpointFailed(provider.name(), "(" + provider.tokenEndpoint()
                    + ") answered 200 without an access_token").exception();
        }
        return token;
    }

    private static JsonNode parse(String body) {
        try {
            return Response.JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            return Response.JSON.createObjectNode();
        }
    }

    /** RFC 6749 section 2.3.1: the client id and secret are form-encoded before they go into HTTP Basic. */
    private static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
