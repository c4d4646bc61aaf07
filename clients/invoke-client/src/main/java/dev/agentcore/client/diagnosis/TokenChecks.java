package dev.agentcore.client.diagnosis;

import dev.agentcore.client.auth.TokenClaims;
import dev.agentcore.core.state.AuthorizerSettings;
import dev.agentcore.client.report.LikelyCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What is wrong with a bearer token as the runtime's authorizer sees it: expired, another issuer, an ID token
 * where an access token belongs, a client, audience or scope the authorizer does not allow. Each finding is
 * certain when it fires, so they rank above guesses.
 */
final class TokenChecks {

    private static final String COGNITO_SIGN_IN_SCOPE = "aws.cognito.signin.user.admin";

    private TokenChecks() {
    }

    static List<LikelyCause> check(Case c) {
        List<LikelyCause> causes = new ArrayList<>();
        Optional<TokenClaims> maybeClaims = c.claims();
        if (c.context.bearerToken().isEmpty()) {
            return causes;
        }
        if (maybeClaims.isEmpty()) {
            causes.add(new LikelyCause("The token sent is not a JWT, and AgentCore's authorizer only accepts JWTs",
                    "Send the OAuth access token itself (three base64url parts separated by dots), without quotes "
                            + "or a 'Bearer ' prefix of your own"));
            return causes;
        }
        TokenClaims claims = maybeClaims.get();
        if (claims.isExpired(c.now)) {
            causes.add(new LikelyCause("The token " + claims.expiryRelativeTo(c.now),
                    "Get a fresh token: the client fetches and refreshes Cognito tokens itself with --client-id and "
                            + "--client-secret (machine) or --username (user); a --token or AGENTCORE_BEARER_TOKEN must be replaced by hand"));
        }
        Optional<AuthorizerSettings> authorizer = c.authorizer();
        String expectedIssuer = authorizer.map(AuthorizerSettings::expectedIssuer).orElse(null);
        if (expectedIssuer != null && claims.issuer() != null && !stripSlash(expectedIssuer).equals(stripSlash(claims.issuer()))) {
            causes.add(new LikelyCause("The token was issued by " + claims.issuer() + ", but the runtime's authorizer trusts "
                    + expectedIssuer + " (discovery URL " + authorizer.get().discoveryUrl() + ")",
                    "Get the token from the user pool of that discovery URL (check the pool id and region), or point "
                            + "the runtime's discoveryUrl at " + claims.issuer() + "/.well-known/openid-configuration"));
        }
        clientChecks(c, claims, authorizer, causes);
        audienceChecks(c, claims, authorizer, causes);
        scopeChecks(claims, authorizer, causes);
        if (c.messageContains("Authorization denied")) {
            causes.add(new LikelyCause("A customClaims rule of the authorizer did not match the token's claims",
                    "Compare the rules with the claims shown by --verbose: " + c.getAgentRuntimeCommand(
                            "authorizerConfiguration.customJWTAuthorizer.customClaims")));
        }
        return causes;
    }

    private static void clientChecks(Case c, TokenClaims claims, Optional<AuthorizerSettings> authorizer,
                                     List<LikelyCause> causes) {
        List<String> allowed = authorizer.map(AuthorizerSettings::allowedClients).orElse(List.of());
        boolean serviceSaysClient = c.messageContains("client_id");
        if (claims.isIdToken() && (serviceSaysClient || !allowed.isEmpty())) {
            causes.add(new LikelyCause("This is a Cognito ID token (token_use=id): it carries aud="
                    + String.join(",", claims.audience()) + " but no client_id claim, and allowedClients checks client_id",
                    "Send the access token instead (AuthenticationResult.AccessToken of InitiateAuth; this client sends "
                            + "the access token when it signs in with --username)"));
            return;
        }
        if (claims.clientId() == null && (serviceSaysClient || !allowed.isEmpty())) {
            causes.add(new LikelyCause("The token has no client_id claim, which allowedClients requires",
                    "Use an access token from an OAuth client of the runtime's issuer (Cognito access tokens carry client_id)"));
            return;
        }
        if (claims.clientId() != null && !allowed.isEmpty() && !allowed.contains(claims.clientId())) {
            causes.add(new LikelyCause("The token's client_id " + claims.clientId() + " is not in the runtime's allowedClients "
                    + allowed, "Get the token with app client " + allowed.getFirst() + " (--client-id), or add "
                    + claims.clientId() + " to allowedClients and redeploy"));
        } else if (serviceSaysClient && allowed.isEmpty()) {
            causes.add(new LikelyCause("The token's client_id " + claims.clientId() + " is not one the runtime allows",
                    "Compare it with " + c.getAgentRuntimeCommand("authorizerConfiguration.customJWTAuthorizer.allowedClients")));
        }
    }

    private static void audienceChecks(Case c, TokenClaims claims, Optional<AuthorizerSettings> authorizer,
                                       List<LikelyCause> causes) {
        List<String> allowed = authorizer.map(AuthorizerSettings::allowedAudience).orElse(List.of());
        boolean serviceSaysAud = c.messageContains("'aud'") || c.messageContains("aud value") || c.messageContains("audience");
        if (claims.audience().isEmpty() && (serviceSaysAud || !allowed.isEmpty())) {
            causes.add(new LikelyCause((claims.isAccessToken() ? "Cognito access tokens carry no aud claim" : "The token has no aud claim")
                    + ", so allowedAudience " + (allowed.isEmpty() ? "" : allowed + " ") + "can never match",
                    "Remove allowedAudience from the runtime's authorizer and rely on allowedClients (client_id); "
                            + "set allowedAudience only for issuers whose access tokens carry aud"));
        } else if (!allowed.isEmpty() && claims.audience().stream().noneMatch(allowed::contains)) {
            causes.add(new LikelyCause("The token's aud " + claims.audience() + " is not in the runtime's allowedAudience " + allowed,
                    "Request a token for one of " + allowed + ", or change allowedAudience"));
        } else if (serviceSaysAud) {
            causes.add(new LikelyCause("The token's aud " + claims.audience() + " is not one the runtime allows",
                    "Compare it with " + c.getAgentRuntimeCommand("authorizerConfiguration.customJWTAuthorizer.allowedAudience")));
        }
    }

    private static void scopeChecks(TokenClaims claims, Optional<AuthorizerSettings> authorizer, List<LikelyCause> causes) {
        List<String> allowed = authorizer.map(AuthorizerSettings::allowedScopes).orElse(List.of());
        if (allowed.isEmpty() || claims.scopes().stream().anyMatch(allowed::contains)) {
            return;
        }
        if (claims.scopes().equals(List.of(COGNITO_SIGN_IN_SCOPE))) {
            // A password or SRP sign-in (InitiateAuth): Cognito never puts custom scopes in those access tokens.
            causes.add(new LikelyCause("The token comes from a password or SRP sign-in (InitiateAuth): its only scope is "
                    + COGNITO_SIGN_IN_SCOPE + ", and Cognito puts no custom scopes in such tokens, so the runtime's "
                    + "allowedScopes " + allowed + " can never match",
                    "Get the token from Cognito's OAuth endpoints instead: client credentials on the machine client "
                            + "(--client-id, --client-secret, --scope " + allowed.getFirst() + ") or the authorization code "
                            + "flow; or add the scopes with a pre token generation trigger (V2_0)"));
            return;
        }
        causes.add(new LikelyCause("The token's scopes " + claims.scopes() + " include none of the runtime's allowedScopes " + allowed,
                "Ask for the scope when getting the token (--scope " + allowed.getFirst() + ")"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
