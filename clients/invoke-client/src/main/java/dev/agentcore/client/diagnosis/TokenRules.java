package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

import dev.agentcore.client.auth.TokenClaims;
import dev.agentcore.core.state.AuthorizerSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * What is wrong with a bearer token as the runtime's authorizer sees it: expired, another issuer, an ID token
 * where an access token belongs, a client, audience or scope the authorizer does not allow. Each finding is
 * certain when it applies, so they rank above guesses.
 */
final class TokenRules {

    private static final String COGNITO_SIGN_IN_SCOPE = "aws.cognito.signin.user.admin";

    private TokenRules() {
    }

    /** 401 or 403 to a call that carried a bearer token. */
    private static final Trigger AUTH_FAILURE = Trigger.statuses(401, 403);

    private static boolean carriedToken(Case c) {
        return c.bearer() && c.token().isPresent();
    }

    /** A check of the decoded claims; false when the token is not a JWT. */
    private static java.util.function.Predicate<Case> claims(BiPredicate<Case, TokenClaims> check) {
        return c -> carriedToken(c) && c.claims().filter(claims -> check.test(c, claims)).isPresent();
    }

    private static TokenClaims claimsOf(Case c) {
        return c.claims().orElseThrow();
    }

    private static List<String> allowedClients(Case c) {
        return c.authorizer().map(AuthorizerSettings::allowedClients).orElse(List.of());
    }

    private static List<String> allowedAudience(Case c) {
        return c.authorizer().map(AuthorizerSettings::allowedAudience).orElse(List.of());
    }

    private static List<String> allowedScopes(Case c) {
        return c.authorizer().map(AuthorizerSettings::allowedScopes).orElse(List.of());
    }

    private static boolean serviceSaysClient(Case c) {
        return c.messageContains("client_id");
    }

    private static boolean serviceSaysAudience(Case c) {
        return c.messageContains("'aud'") || c.messageContains("aud value") || c.messageContains("audience");
    }

    private static boolean idTokenWhereClientIdCounts(Case c, TokenClaims claims) {
        return claims.isIdToken() && (serviceSaysClient(c) || !allowedClients(c).isEmpty());
    }

    private static boolean noClientId(Case c, TokenClaims claims) {
        return !idTokenWhereClientIdCounts(c, claims) && claims.clientId() == null
                && (serviceSaysClient(c) || !allowedClients(c).isEmpty());
    }

    private static boolean noAudience(Case c, TokenClaims claims) {
        return claims.audience().isEmpty() && (serviceSaysAudience(c) || !allowedAudience(c).isEmpty());
    }

    private static boolean audienceNotAllowed(Case c, TokenClaims claims) {
        List<String> allowed = allowedAudience(c);
        return !noAudience(c, claims) && !allowed.isEmpty() && claims.audience().stream().noneMatch(allowed::contains);
    }

    private static boolean scopesMiss(Case c, TokenClaims claims) {
        List<String> allowed = allowedScopes(c);
        return !allowed.isEmpty() && claims.scopes().stream().noneMatch(allowed::contains);
    }

    private static boolean signInScopesOnly(TokenClaims claims) {
        return claims.scopes().equals(List.of(COGNITO_SIGN_IN_SCOPE));
    }

    private static Optional<String> expectedIssuer(Case c) {
        return c.authorizer().map(AuthorizerSettings::expectedIssuer);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static final DiagnosisRule NOT_A_JWT = rule("AC300", "The token is not a JWT")
            .summary("AgentCore's authorizer accepts only JWTs; an opaque token, a quoted token or a token with a "
                    + "second 'Bearer ' prefix is refused before any claim is read.")
            .on(AUTH_FAILURE)
            .when(c -> carriedToken(c) && c.claims().isEmpty())
            .cause("The token sent is not a JWT, and AgentCore's authorizer only accepts JWTs")
            .next("Send the OAuth access token itself (three base64url parts separated by dots), without quotes "
                    + "or a 'Bearer ' prefix of your own")
            .build();

    static final DiagnosisRule UNSIGNED = rule("AC301", "The token is not signed (alg: none)")
            .summary("A JWT whose header says alg none carries no signature; AgentCore's authorizer verifies every "
                    + "token against the issuer's keys (JWKS), so an unsigned token is refused whatever its claims say.")
            .on(AUTH_FAILURE)
            .when(c -> carriedToken(c) && TokenClaims.isUnsigned(c.token().orElseThrow().value()))
            .cause("The token is not signed (its header says alg: none), and AgentCore only accepts tokens signed by "
                    + "the issuer its discovery URL names")
            .next("Get a real token from the issuer (Cognito signs with RS256); a test token made by hand must be "
                    + "signed with a key the discovery URL's JWKS publishes")
            .conclusive()
            .build();

    static final DiagnosisRule EXPIRED = rule("AC310", "The token has expired")
            .summary("Cognito access tokens last an hour by default; a token pasted into a variable goes stale.")
            .on(AUTH_FAILURE)
            .when(claims((c, claims) -> claims.isExpired(c.now)))
            .cause(c -> "The token " + claimsOf(c).expiryRelativeTo(c.now))
            .next("Get a fresh token: the client fetches and refreshes Cognito tokens itself with --client-id and "
                    + "--client-secret (machine) or --username (user); a --token or AGENTCORE_BEARER_TOKEN must be replaced by hand")
            .build();

    static final DiagnosisRule OTHER_ISSUER = rule("AC320", "The token comes from another issuer")
            .summary("The authorizer trusts one issuer, the one its discovery URL names: a token from another user "
                    + "pool or region is refused.")
            .on(AUTH_FAILURE)
            .when(claims((c, claims) -> claims.issuer() != null && expectedIssuer(c)
                    .filter(expected -> !stripSlash(expected).equals(stripSlash(claims.issuer()))).isPresent()))
            .cause(c -> "The token was issued by " + claimsOf(c).issuer() + ", but the runtime's authorizer trusts "
                    + expectedIssuer(c).orElseThrow() + " (discovery URL " + c.authorizer().orElseThrow().discoveryUrl() + ")")
            .next(c -> "Get the token from the user pool of that discovery URL (check the pool id and region), or point "
                    + "the runtime's discoveryUrl at " + claimsOf(c).issuer() + "/.well-known/openid-configuration")
            .build();

    static final DiagnosisRule ID_TOKEN = rule("AC330", "An ID token where an access token belongs")
            .summary("A Cognito ID token carries aud but no client_id claim, and allowedClients checks client_id.")
            .on(AUTH_FAILURE)
            .when(claims(TokenRules::idTokenWhereClientIdCounts))
            .cause(c -> "This is a Cognito ID token (token_use=id): it carries aud="
                    + String.join(",", claimsOf(c).audience()) + " but no client_id claim, and allowedClients checks client_id")
            .next("Send the access token instead (AuthenticationResult.AccessToken of InitiateAuth; this client sends "
                    + "the access token when it signs in with --username)")
            .build();

    static final DiagnosisRule NO_CLIENT_ID = rule("AC331", "The token has no client_id claim")
            .summary("allowedClients compares the client_id claim; tokens from issuers that do not set it never match.")
            .on(AUTH_FAILURE)
            .when(claims(TokenRules::noClientId))
            .cause("The token has no client_id claim, which allowedClients requires")
            .next("Use an access token from an OAuth client of the runtime's issuer (Cognito access tokens carry client_id)")
            .build();

    static final DiagnosisRule CLIENT_NOT_ALLOWED = rule("AC332", "The token's client is not in allowedClients")
            .summary("The token was issued to another app client of the same pool than the runtime allows.")
            .on(AUTH_FAILURE)
            .when(claims((c, claims) -> !idTokenWhereClientIdCounts(c, claims) && claims.clientId() != null
                    && !allowedClients(c).isEmpty() && !allowedClients(c).contains(claims.clientId())))
            .cause(c -> "The token's client_id " + claimsOf(c).clientId() + " is not in the runtime's allowedClients "
                    + allowedClients(c))
            .next(c -> "Get the token with app client " + allowedClients(c).getFirst() + " (--client-id), or add "
                    + claimsOf(c).clientId() + " to allowedClients and redeploy")
            .build();

    static final DiagnosisRule CLIENT_REFUSED = rule("AC333", "AgentCore refused the token's client")
            .summary("The service names client_id in its message, but the runtime's allowedClients could not be looked up.")
            .on(AUTH_FAILURE)
            .when(claims((c, claims) -> !idTokenWhereClientIdCounts(c, claims) && claims.clientId() != null
                    && serviceSaysClient(c) && allowedClients(c).isEmpty()))
            .cause(c -> "The token's client_id " + claimsOf(c).clientId() + " is not one the runtime allows")
            .next(c -> "Compare it with " + c.getAgentRuntimeCommand("authorizerConfiguration.customJWTAuthorizer.allowedClients"))
            .build();

    static final DiagnosisRule NO_AUDIENCE = rule("AC340", "The token has no aud claim")
            .summary("Cognito access tokens carry no aud claim, so a runtime that sets allowedAudience refuses every one of them.")
            .on(AUTH_FAILURE)
            .when(claims(TokenRules::noAudience))
            .cause(c -> (claimsOf(c).isAccessToken() ? "Cognito access tokens carry no aud claim" : "The token has no aud claim")
                    + ", so allowedAudience " + (allowedAudience(c).isEmpty() ? "" : allowedAudience(c) + " ") + "can never match")
            .next("Remove allowedAudience from the runtime's authorizer and rely on allowedClients (client_id); "
                    + "set allowedAudience only for issuers whose access tokens carry aud")
            .build();

    static final DiagnosisRule AUDIENCE_NOT_ALLOWED = rule("AC341", "The token's aud is not in allowedAudience")
            .summary("The token was requested for another API (resource) than the one the runtime accepts.")
            .on(AUTH_FAILURE)
            .when(claims(TokenRules::audienceNotAllowed))
            .cause(c -> "The token's aud " + claimsOf(c).audience() + " is not in the runtime's allowedAudience " + allowedAudience(c))
            .next(c -> "Request a token for one of " + allowedAudience(c) + ", or change allowedAudience")
            .build();

    static final DiagnosisRule AUDIENCE_REFUSED = rule("AC342", "AgentCore refused the token's aud")
            .summary("The service names aud in its message, but the runtime's allowedAudience could not be looked up.")
            .on(AUTH_FAILURE)
            .when(claims((c, claims) -> !noAudience(c, claims) && !audienceNotAllowed(c, claims) && serviceSaysAudience(c)))
            .cause(c -> "The token's aud " + claimsOf(c).audience() + " is not one the runtime allows")
            .next(c -> "Compare it with " + c.getAgentRuntimeCommand("authorizerConfiguration.customJWTAuthorizer.allowedAudience"))
            .build();

    static final DiagnosisRule SIGN_IN_SCOPES = rule("AC350", "A password sign-in token has no custom scopes")
            .summary("InitiateAuth (password or SRP) gives access tokens whose only scope is "
                    + COGNITO_SIGN_IN_SCOPE + "; Cognito never adds custom scopes to them, so allowedScopes never matches.")
            .on(AUTH_FAILURE)
            .when(claims((c, claims) -> scopesMiss(c, claims) && signInScopesOnly(claims)))
            .cause(c -> "The token comes from a password or SRP sign-in (InitiateAuth): its only scope is "
                    + COGNITO_SIGN_IN_SCOPE + ", and Cognito puts no custom scopes in such tokens, so the runtime's "
                    + "allowedScopes " + allowedScopes(c) + " can never match")
            .next(c -> "Get the token from Cognito's OAuth endpoints instead: client credentials on the machine client "
                    + "(--client-id, --client-secret, --scope " + allowedScopes(c).getFirst() + ") or the authorization code "
                    + "flow; or add the scopes with a pre token generation trigger (V2_0)")
            .build();

    static final DiagnosisRule SCOPE_NOT_ALLOWED = rule("AC351", "The token has none of the allowed scopes")
            .summary("The token was requested without the scope the runtime's allowedScopes names.")
            .on(AUTH_FAILURE)
            .when(claims((c, claims) -> scopesMiss(c, claims) && !signInScopesOnly(claims)))
            .cause(c -> "The token's scopes " + claimsOf(c).scopes() + " include none of the runtime's allowedScopes " + allowedScopes(c))
            .next(c -> "Ask for the scope when getting the token (--scope " + allowedScopes(c).getFirst() + ")")
            .build();

    static final DiagnosisRule CUSTOM_CLAIM = rule("AC360", "A customClaims rule did not match")
            .summary("The authorizer's customClaims rules answer 'Authorization denied' when a claim is missing or differs.")
            .on(AUTH_FAILURE)
            .when(claims((c, claims) -> c.messageContains("Authorization denied")))
            .cause("A customClaims rule of the authorizer did not match the token's claims")
            .next(c -> "Compare the rules with the claims shown by --verbose: " + c.getAgentRuntimeCommand(
                    "authorizerConfiguration.customJWTAuthorizer.customClaims"))
            .build();

    /** In rank order: what is certain about the token itself first, then what needs the authorizer's settings. */
    static final List<DiagnosisRule> ALL = List.of(NOT_A_JWT, UNSIGNED, EXPIRED, OTHER_ISSUER, ID_TOKEN, NO_CLIENT_ID,
            CLIENT_NOT_ALLOWED, CLIENT_REFUSED, NO_AUDIENCE, AUDIENCE_NOT_ALLOWED, AUDIENCE_REFUSED, SIGN_IN_SCOPES,
            SCOPE_NOT_ALLOWED, CUSTOM_CLAIM);

    /** True when something is wrong with the token, as far as its claims and the authorizer's settings tell. */
    static boolean anyApplies(Case c) {
        return ALL.stream().anyMatch(rule -> rule.appliesTo(c));
    }
}
