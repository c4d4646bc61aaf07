package dev.agentcore.client.auth;

import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.Section;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client credentials grant that gave no token: Cognito's token endpoint did not answer ({@code problem}), or
 * answered without an access token ({@code status}, {@code body} and the OAuth {@code error} code in it). What
 * {@link TokenEndpointRules} look at; made with {@link #unreachable} or {@link #answered}.
 *
 * @param error the OAuth error code of the body ({@code invalid_client}), empty when the body has none
 */
public record TokenEndpointFailure(URI endpoint, String clientId, List<String> scopes, TransportProblem problem,
                                   int status, String body, String error) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public TokenEndpointFailure {
        scopes = List.copyOf(scopes);
        body = body == null ? "" : body;
        error = error == null ? "" : error;
    }

    public static TokenEndpointFailure unreachable(URI endpoint, String clientId, List<String> scopes,
                                                   TransportProblem problem) {
        return new TokenEndpointFailure(endpoint, clientId, scopes, problem, 0, "", "");
    }

    /** The endpoint answered {@code status} with {@code body}; the OAuth error code is read from the body. */
    public static TokenEndpointFailure answered(URI endpoint, String clientId, List<String> scopes, int status,
                                                String body) {
        String error = parse(body).map(json -> json.path("error").asString("")).orElse("");
        return new TokenEndpointFailure(endpoint, clientId, scopes, null, status, body, error);
    }

    public Optional<TransportProblem> transportProblem() {
        return Optional.ofNullable(problem);
    }

    boolean answered() {
        return problem == null;
    }

    /** A page of HTML or a 404: something other than an OAuth token endpoint answered. */
    boolean notAnOAuthAnswer() {
        return answered() && error.isEmpty() && (status == 404 || body.contains("<html"));
    }

    /** The summary, the ranked causes of {@link TokenEndpointRules} and the details for --verbose. */
    public Diagnosis diagnosis(List<Section> details) {
        if (problem != null) {
            return new Diagnosis(FailureCategory.NETWORK, "could not reach the Cognito token endpoint " + endpoint
                    + ": " + problem.text(), TokenEndpointRules.FAMILY.causes(this), details);
        }
        return new Diagnosis(FailureCategory.AUTH, "Cognito refused the client credentials grant: HTTP " + status
                + (error.isEmpty() ? "" : " " + error), TokenEndpointRules.FAMILY.causes(this), details);
    }

    static Optional<JsonNode> parse(String body) {
        try {
            return body == null || body.isBlank() ? Optional.empty() : Optional.ofNullable(JSON.readTree(body));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
