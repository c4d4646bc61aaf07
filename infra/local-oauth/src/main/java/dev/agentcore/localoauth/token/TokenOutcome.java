package dev.agentcore.localoauth.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the token endpoint answers: a token, or one of Cognito's errors. */
public sealed interface TokenOutcome {

    int httpStatus();

    Map<String, Object> body();

    /** Cognito's client credentials answer: access_token, expires_in (seconds), token_type. No refresh token. */
    record Issued(String accessToken, Duration expiresIn) implements TokenOutcome {
        @Override
        public int httpStatus() {
            return 200;
        }

        @Override
        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", accessToken);
            body.put("expires_in", expiresIn.toSeconds());
            body.put("token_type", "Bearer");
            return body;
        }

        @Override
        public String toString() {
            return "Issued[expiresIn=" + expiresIn + "]";
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
