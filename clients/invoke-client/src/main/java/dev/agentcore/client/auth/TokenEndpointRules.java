package dev.agentcore.client.auth;

import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.report.CauseRule;
import dev.agentcore.client.report.RuleFamily;
import java.util.List;

/**
 * Why Cognito's token endpoint gave no token for the client credentials grant: a domain that does not exist,
 * nothing answering, or the OAuth error code of its answer (RFC 6749 section 5.2, as Cognito uses them).
 */
public final class TokenEndpointRules {

    private TokenEndpointRules() {
    }

    private static boolean says(TokenEndpointFailure f, String error) {
        return f.answered() && f.error().equals(error);
    }

    static final CauseRule<TokenEndpointFailure> DOMAIN_UNKNOWN = CauseRule.<TokenEndpointFailure>rule("AC910",
                    "The user pool domain does not exist")
            .summary("The host of the token endpoint does not resolve: a typo in the domain prefix, another region, "
                    + "or a pool whose domain was never created.")
            .applies("no response: unknown host")
            .when(f -> f.problem() == TransportProblem.UNKNOWN_HOST)
            .cause(f -> "The user pool domain '" + f.endpoint().getHost() + "' does not exist")
            .next("Copy the domain from the Cognito console (App integration > Domain) or from "
                    + "`aws cognito-idp describe-user-pool --user-pool-id <id> --query UserPool.Domain`; "
                    + "it looks like https://<prefix>.auth.<region>.amazoncognito.com")
            .conclusive()
            .build();

    static final CauseRule<TokenEndpointFailure> NOTHING_ANSWERS = CauseRule.<TokenEndpointFailure>rule("AC911",
                    "Nothing answers at the token endpoint")
            .summary("The host resolves but the connection is refused, times out or breaks: a proxy, a firewall, "
                    + "or a domain setting that points at the wrong host.")
            .applies("no response: refused, timeout, TLS, I/O")
            .when(f -> f.problem() != null && f.problem() != TransportProblem.UNKNOWN_HOST)
            .cause(f -> "Nothing answers at " + f.endpoint().getAuthority() + " (" + f.problem().text() + ")")
            .next("Check the Cognito domain setting (--cognito-domain, AGENTCORE_COGNITO_DOMAIN or the state file's "
                    + "cognito.domain) and your network or proxy")
            .conclusive()
            .build();

    static final CauseRule<TokenEndpointFailure> INVALID_CLIENT = CauseRule.<TokenEndpointFailure>rule("AC920",
                    "The app client id or secret is wrong")
            .summary("Cognito answers invalid_client when the Basic credentials do not match an app client of the "
                    + "pool: a wrong id, a wrong or rotated secret, or a client created without a secret.")
            .applies("error invalid_client")
            .when(f -> says(f, "invalid_client"))
            .cause(f -> "The app client id " + f.clientId() + " or its secret is wrong, or the client has no secret")
            .next(f -> "Compare with `aws cognito-idp describe-user-pool-client --user-pool-id <pool> --client-id "
                    + f.clientId() + "`; machine-to-machine clients need a generated secret")
            .build();

    static final CauseRule<TokenEndpointFailure> UNAUTHORIZED_CLIENT = CauseRule.<TokenEndpointFailure>rule("AC921",
                    "The app client may not use client credentials")
            .summary("Cognito answers unauthorized_client when the app client's allowed OAuth flows do not include "
                    + "client_credentials.")
            .applies("error unauthorized_client")
            .when(f -> says(f, "unauthorized_client"))
            .cause(f -> "App client " + f.clientId() + " is not allowed to use the client_credentials grant")
            .next("Enable AllowedOAuthFlows=client_credentials with AllowedOAuthFlowsUserPoolClient=true on the app client")
            .build();

    static final CauseRule<TokenEndpointFailure> INVALID_SCOPE = CauseRule.<TokenEndpointFailure>rule("AC922",
                    "A requested scope is unknown or not allowed")
            .summary("Cognito answers invalid_scope when a scope is not defined on a resource server of the pool, "
                    + "or the app client's AllowedOAuthScopes do not include it.")
            .applies("error invalid_scope")
            .when(f -> says(f, "invalid_scope"))
            .cause(f -> "The scopes " + f.scopes() + " are not all defined on a resource server or not allowed for this client")
            .next("Scopes take the form <resource server identifier>/<scope>; list the client's AllowedOAuthScopes"
                    + " with describe-user-pool-client and pass those with --scope")
            .build();

    static final CauseRule<TokenEndpointFailure> INVALID_GRANT = CauseRule.<TokenEndpointFailure>rule("AC923",
                    "The grant is invalid for this client")
            .summary("Cognito answers invalid_grant when the grant itself is refused for the app client.")
            .applies("error invalid_grant")
            .when(f -> says(f, "invalid_grant"))
            .cause("The grant is invalid for this client")
            .next("Check the client's allowed OAuth flows (AllowedOAuthFlows) with describe-user-pool-client")
            .build();

    static final CauseRule<TokenEndpointFailure> NOT_A_TOKEN_ENDPOINT = CauseRule.<TokenEndpointFailure>rule("AC930",
                    "The URL is not a Cognito token endpoint")
            .summary("A 404 or an HTML page instead of an OAuth error: the cognito-idp API endpoint, the discovery "
                    + "URL or a web page was given where the user pool domain belongs.")
            .applies("404, or HTML without an OAuth error")
            .when(TokenEndpointFailure::notAnOAuthAnswer)
            .cause(f -> "The URL " + f.endpoint() + " is not a Cognito token endpoint")
            .next("Use the user pool domain (https://<prefix>.auth.<region>.amazoncognito.com), not the "
                    + "cognito-idp endpoint or the discovery URL")
            .build();

    static final CauseRule<TokenEndpointFailure> OTHER_ANSWER = CauseRule.<TokenEndpointFailure>rule("AC939",
                    "An answer no other token endpoint rule explains")
            .summary("The fallback when no rule above applied: another OAuth error code, a 5xx, or a 200 "
                    + "without an access_token.")
            .applies("any other answer")
            .when(TokenEndpointFailure::answered)
            .fallback()
            .cause(f -> "Cognito answered HTTP " + f.status() + (f.error().isEmpty() ? " without an OAuth error code" : " " + f.error()))
            .next("Read the response body with --verbose")
            .build();

    public static final RuleFamily<TokenEndpointFailure> FAMILY = new RuleFamily<>(
            "Getting a machine token: Cognito's token endpoint",
            "a client credentials grant (--client-id, --client-secret, --cognito-domain) that gave no access token: "
                    + "the endpoint, the transport problem or the HTTP status, and the OAuth error code of the body",
            List.of(DOMAIN_UNKNOWN, NOTHING_ANSWERS, INVALID_CLIENT, UNAUTHORIZED_CLIENT, INVALID_SCOPE, INVALID_GRANT,
                    NOT_A_TOKEN_ENDPOINT, OTHER_ANSWER));
}
