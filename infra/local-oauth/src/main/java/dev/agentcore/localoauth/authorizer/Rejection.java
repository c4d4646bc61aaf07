package dev.agentcore.localoauth.authorizer;

/**
 * Why the authorizer refused a token, and what AgentCore answers for it.
 *
 * <p>What is known of AgentCore's wording (third-party transcripts, no AWS page lists them): a claim that does not
 * match is a 401 UnauthorizedException naming the claim, "OAuth authorization failed: Claim 'client_id' value mismatch
 * with configuration" (also quoted without the prefix and with a final period: "Claim 'aud' value mismatch with
 * configuration."); customClaims that do not match answer "Authorization denied". For a token that cannot be
 * verified at all (not a JWT, unknown key, bad signature, another issuer, expired) no transcript gives the text, so
 * these answer with the only documented one, the service model's description of UnauthorizedException.
 * Status 401 for all of them: one report measured 401 at runtimes and 403 at gateways for the same failure.
 */
public enum Rejection {
    NO_TOKEN(Wording.INVALID_TOKEN),
    MALFORMED_TOKEN(Wording.INVALID_TOKEN),
    /** alg none, HS256 (a public key used as an HMAC secret), or anything else than RS256. */
    UNSUPPORTED_ALGORITHM(Wording.INVALID_TOKEN),
    /** No key in the issuer's JWKS has the token's kid, even after fetching the JWKS again. */
    UNKNOWN_KEY(Wording.INVALID_TOKEN),
    INVALID_SIGNATURE(Wording.INVALID_TOKEN),
    /** The discovery document or the JWKS could not be fetched or read. */
    ISSUER_METADATA_UNAVAILABLE(Wording.INVALID_TOKEN),
    ISSUER_MISMATCH(Wording.INVALID_TOKEN),
    EXPIRED(Wording.INVALID_TOKEN),
    NOT_YET_VALID(Wording.INVALID_TOKEN),
    CLIENT_MISMATCH(Wording.claimMismatch("client_id")),
    AUDIENCE_MISMATCH(Wording.claimMismatch("aud")),
    SCOPE_MISMATCH(Wording.claimMismatch("scope")),
    CUSTOM_CLAIM_MISMATCH("Authorization denied");

    private final String message;

    Rejection(String message) {
        this.message = message;
    }

    public HttpAnswer answer() {
        return new HttpAnswer(401, "UnauthorizedException", message);
    }

    private static final class Wording {
        /** The service model's text for UnauthorizedException. */
        static final String INVALID_TOKEN = "JWT bearer token is invalid or not found for OAuth bearer token based access";

        static String claimMismatch(String claim) {
            return "OAuth authorization failed: Claim '" + claim + "' value mismatch with configuration";
        }
    }
}
