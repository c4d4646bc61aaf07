package dev.agentcore.localoauth.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the token endpoint answers: a token, or one of Cognito's errors. */
public sealed interface TokenOutcome {

    int httpStatus();

    Map<String, Object> body();

    /**
     * Tokens, in the order Cognito answers them: id_token (a user's, when openid was granted), access_token,
     * refresh_token (after a code exchange, not after a refresh), expires_in (the access token's), token_type.
     * Client credentials get the access token alone.
     */
    record Issued(Optional<String> idToken, String accessToken, Optional<String> refreshToken, Duration expiresIn)
            implements TokenOutcome {

        public static Issued accessTokenOnly(String accessToken, Duration expiresIn) {
            return new Issued(Optional.empty(), accessToken, Optional.empty(), expiresIn);
        }

        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            idToken.ifPresent(t -> body.put("id_token", t));
            body.put("access_token", accessToken);
            refreshToken.ifPresent(t -> body.put("refresh_token", t));
            body.put("expires_in", expiresIn.toSeconds());
            body.put("token_type", "Bearer");
            return body;
        }

        @Override
        public String toString() {
            return "Issued[id " + idToken.isPresent() + ", refresh " + refreshToken.isPresent() + ", expiresIn="
                    + expiresIn + "]";
        }
    }

    /**
     * @param reason why, for the server's log: Cognito says only the error code, and so does the body
     */
    record Refused(TokenError error, String reason) implements TokenOutcome {
        @Override
        public int httpStatus() {
            return error.httpStatus();
        }

        @Override
        public Map<String, Object> body() {
            return error.body();
        }
    }
}
