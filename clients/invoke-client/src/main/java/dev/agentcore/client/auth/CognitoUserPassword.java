package dev.agentcore.client.auth;

import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.LikelyCause;
import dev.agentcore.client.report.Section;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
            TransportProblem problem = TransportProblem.of(e);
            throw new TokenException(new Diagnosis(FailureCategory.NETWORK,
                    "could not reach Cognito for InitiateAuth: " + problem.text(),
                    List.of(new LikelyCause("The Cognito endpoint for the user pool's region is unreachable",
                            "Check the region of the user pool (the prefix of its id, like us-east-1_AbC) and "
                                    + "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER if you set it")),
                    List.of(new Section("Error", List.of(String.valueOf(e))))), e);
        }
        if (response.challengeNameAsString() != null) {
            throw new TokenException(challenge(response.challengeNameAsString()));
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

    private Diagnosis challenge(String name) {
        LikelyCause cause = switch (name) {
            case "NEW_PASSWORD_REQUIRED" -> new LikelyCause(
                    "User " + username + " must set a new password first (status FORCE_CHANGE_PASSWORD)",
                    "Set a permanent one: aws cognito-idp admin-set-user-password --user-pool-id <pool> --username "
                            + username + " --password <new> --permanent");
            case "SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP", "MFA_SETUP" -> new LikelyCause(
                    "User " + username + " has multi-factor authentication (" + name + "), which a CLI cannot answer",
                    "Use a user without MFA for scripts, or machine-to-machine tokens (--client-secret with --cognito-domain)");
            default -> new LikelyCause("Cognito asked for the challenge " + name,
                    "Answer it with RespondToAuthChallenge in your own code, or use a user without challenges");
        };
        return new Diagnosis(FailureCategory.AUTH, "Cognito did not issue tokens: challenge " + name, List.of(cause), List.of());
    }

    private Diagnosis rejected(AuthFlowType flow, CognitoIdentityProviderException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        List<LikelyCause> causes = new ArrayList<>();
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (lower.contains("secret hash") || lower.contains("secret_hash")) {
            causes.add(new LikelyCause(clientSecret == null
                            ? "App client " + clientId + " has a secret, so Cognito wants SECRET_HASH"
                            : "The client secret does not belong to app client " + clientId
                                    + " (or the username differs from the one the hash needs)",
                    clientSecret == null ? "Pass the client secret with --client-secret or AGENTCORE_CLIENT_SECRET"
                            : "Check the secret with describe-user-pool-client; for refresh, the username must be the "
                                    + "user's actual username (not an alias)"));
        }
        if (lower.contains("flow not enabled") || lower.contains("auth flow")) {
            causes.add(new LikelyCause("App client " + clientId + " does not allow " + flow,
                    "Add ALLOW_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH to the client's ExplicitAuthFlows"));
        }
        if (lower.contains("incorrect username or password")) {
            causes.add(new LikelyCause("The username or password is wrong",
                    "Check them; reset with aws cognito-idp admin-set-user-password --permanent"));
        }
        if (lower.contains("refresh token")) {
            causes.add(new LikelyCause("The refresh token has expired or was revoked",
                    "Sign in again with --username and --password"));
        }
        switch (code) {
            case "UserNotFoundException" -> causes.add(new LikelyCause("User " + username + " does not exist in this pool",
                    "List users with aws cognito-idp list-users --user-pool-id <pool>"));
            case "UserNotConfirmedException" -> causes.add(new LikelyCause("User " + username + " is not confirmed",
                    "Confirm it: aws cognito-idp admin-confirm-sign-up --user-pool-id <pool> --username " + username));
            case "PasswordResetRequiredException" -> causes.add(new LikelyCause("The user's password must be reset",
                    "aws cognito-idp admin-set-user-password --permanent"));
            case "ResourceNotFoundException" -> causes.add(new LikelyCause(
                    "App client " + clientId + " does not exist in this region",
                    "Check the client id and the region of the user pool (the prefix of its id)"));
            case "TooManyRequestsException" -> causes.add(new LikelyCause("Cognito throttled the sign-in",
                    "Wait and retry; tokens are cached, so one sign-in serves many calls"));
            default -> {
            }
        }
        if (causes.isEmpty()) {
            causes.add(new LikelyCause("Cognito rejected " + flow + ": " + code,
                    "Read the message above; run with --debug for the full exception"));
        }
        return new Diagnosis(FailureCategory.AUTH,
                "Cognito rejected " + flow + ": " + code + (message == null ? "" : " - " + message),
                causes, List.of(new Section("Cognito", List.of("operation: InitiateAuth " + flow, "client id: " + clientId,
                        "request id: " + e.requestId(), "status: " + e.statusCode()))));
    }
}
