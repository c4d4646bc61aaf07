package dev.agentcore.client.auth;

import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.Section;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

/**
 * User tokens through Cognito's {@code InitiateAuth}: USER_PASSWORD_AUTH first (with SECRET_HASH when the app
 * client has a secret), then REFRESH_TOKEN_AUTH with the refresh token it returned. Starting from a refresh token
 * alone works too. Sends the access token: the ID token has no {@code client_id} claim and AgentCore's
 * {@code allowedClients} check would reject it.
 */
public final class CognitoUserPassword implements TokenSource {

    private final CognitoIdentityProviderClient cognito;
    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final Clock clock;
    private String refreshToken;

    /** Sign-in as a user of {@code clientId}'s pool; give a username and password, a refresh token, or both. */
    public static Builder builder(CognitoIdentityProviderClient cognito, String clientId) {
        return new Builder(cognito, clientId);
    }

    /** Unset parts are absent: no client secret, no password (refresh token only), no refresh token (password first). */
    public static final class Builder {
        private final CognitoIdentityProviderClient cognito;
        private final String clientId;
        private String clientSecret;
        private String username;
        private String password;
        private String refreshToken;
        private Clock clock = Clock.systemUTC();

        private Builder(CognitoIdentityProviderClient cognito, String clientId) {
            this.cognito = cognito;
            this.clientId = clientId;
        }

        /** The app client's secret, when it has one (then SECRET_HASH is sent). */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @throws IllegalArgumentException when the parts given cannot sign in (no client id, no password or refresh token) */
        public CognitoUserPassword build() {
            return new CognitoUserPassword(cognito, clientId, clientSecret, username, password, refreshToken, clock);
        }
    }

    private CognitoUserPassword(CognitoIdentityProviderClient cognito, String clientId, String clientSecret,
                                String username, String password, String refreshToken, Clock clock) {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("the Cognito app client id is needed for user sign-in (--client-id)");
        }
        if ((password == null || password.isEmpty()) && (refreshToken == null || refreshToken.isEmpty())) {
            throw new IllegalArgumentException("user sign-in needs a password (--password or AGENTCORE_PASSWORD) "
                    + "or a refresh token (--refresh-token or AGENTCORE_REFRESH_TOKEN)");
        }
        if (password != null && !password.isEmpty() && (username == null || username.isBlank())) {
            throw new IllegalArgumentException("user sign-in with a password needs a username (--username)");
        }
        if (clientSecret != null && (username == null || username.isBlank())) {
            throw new IllegalArgumentException("an app client with a secret needs the username to compute SECRET_HASH");
        }
        this.cognito = cognito;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.username = username;
        this.password = password;
        this.refreshToken = refreshToken;
        this.clock = clock;
    }

    @Override
    public synchronized BearerToken token() throws TokenException {
        if (refreshToken != null) {
            try {
                return signIn(AuthFlowType.REFRESH_TOKEN_AUTH, Map.of("REFRESH_TOKEN", refreshToken));
            } catch (TokenException refreshFailed) {
                if (password == null || password.isEmpty()) {
                    throw refreshFailed;
                }
                refreshToken = null; // expired or revoked: sign in again with the password
            }
        }
        return signIn(AuthFlowType.USER_PASSWORD_AUTH, Map.of("USERNAME", username, "PASSWORD", password));
    }

    private BearerToken signIn(AuthFlowType flow, Map<String, String> parameters) throws TokenException {
        Map<String, String> all = new HashMap<>(parameters);
        if (clientSecret != null) {
            all.put("SECRET_HASH", SecretHash.of(username, clientId, clientSecret));
        }
        if (username != null && flow == AuthFlowType.REFRESH_TOKEN_AUTH) {
            all.put("USERNAME", username);
        }
        InitiateAuthResponse response;
        try {
            response = cognito.initiateAuth(r -> r.authFlow(flow).clientId(clientId).authParameters(all));
        } catch (CognitoIdentityProviderException e) {
            throw new TokenException(rejected(flow, e), e);
        } catch (SdkClientException e) {
            throw new TokenException(SignInFailure.unreachable(flow.toString(), clientId, username, clientSecret != null,
                    TransportProblem.of(e)).diagnosis(List.of(new Section("Error", List.of(String.valueOf(e))))), e);
        }
        if (response.challengeNameAsString() != null) {
            throw new TokenException(SignInFailure.challenged(flow.toString(), clientId, username, clientSecret != null,
                    response.challengeNameAsString()).diagnosis(List.of()));
        }
        AuthenticationResultType result = response.authenticationResult();
        if (result.refreshToken() != null) {
            refreshToken = result.refreshToken();
        }
        String origin = "Cognito InitiateAuth " + flow + (username == null ? "" : " as " + username);
        BearerToken token = BearerToken.of(result.accessToken(), origin);
        return token.expiresAt() != null || result.expiresIn() == null ? token
                : new BearerToken(result.accessToken(), clock.instant().plusSeconds(result.expiresIn()), origin);
    }

    private Diagnosis rejected(AuthFlowType flow, CognitoIdentityProviderException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return SignInFailure.refused(flow.toString(), clientId, username, clientSecret != null, code, message)
                .diagnosis(List.of(new Section("Cognito", List.of("operation: InitiateAuth " + flow,
                        "client id: " + clientId, "request id: " + e.requestId(), "status: " + e.statusCode()))));
    }
}
