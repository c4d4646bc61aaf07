package dev.agentcore.client.auth;

import dev.agentcore.client.report.CauseRule;
import dev.agentcore.client.report.RuleFamily;
import java.util.List;

/**
 * Why a user sign-in gave no tokens: Cognito unreachable, a challenge a CLI cannot answer, or Cognito's refusal,
 * read from its error code and message (NotAuthorizedException covers a wrong password, a wrong secret hash and a
 * dead refresh token alike, so the message decides).
 */
public final class SignInRules {

    private SignInRules() {
    }

    private static CauseRule.Builder<SignInFailure> rule(String id, String title) {
        return CauseRule.rule(id, title);
    }

    static final CauseRule<SignInFailure> UNREACHABLE = rule("AC940", "Cognito's API is unreachable")
            .summary("The SDK could not reach cognito-idp in the user pool's region: no network, a proxy, or an "
                    + "endpoint override that points elsewhere.")
            .applies("no response")
            .when(f -> f.problem() != null)
            .cause("The Cognito endpoint for the user pool's region is unreachable")
            .next("Check the region of the user pool (the prefix of its id, like us-east-1_AbC) and "
                    + "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER if you set it")
            .conclusive()
            .build();

    static final CauseRule<SignInFailure> NEW_PASSWORD = rule("AC950", "The user must set a new password")
            .summary("A user created by an administrator starts in FORCE_CHANGE_PASSWORD, and InitiateAuth answers "
                    + "with the NEW_PASSWORD_REQUIRED challenge instead of tokens.")
            .applies("challenge NEW_PASSWORD_REQUIRED")
            .when(f -> f.isChallenge("NEW_PASSWORD_REQUIRED"))
            .cause(f -> "User " + f.username() + " must set a new password first (status FORCE_CHANGE_PASSWORD)")
            .next(f -> "Set a permanent one: aws cognito-idp admin-set-user-password --user-pool-id <pool> --username "
                    + f.username() + " --password <new> --permanent")
            .build();

    static final CauseRule<SignInFailure> MFA = rule("AC951", "The user has multi-factor authentication")
            .summary("An MFA challenge needs a code from a device or a message, which a script cannot give.")
            .applies("challenge SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP, MFA_SETUP")
            .when(f -> f.isChallenge("SOFTWARE_TOKEN_MFA", "SMS_MFA", "EMAIL_OTP", "MFA_SETUP"))
            .cause(f -> "User " + f.username() + " has multi-factor authentication (" + f.challenge()
                    + "), which a CLI cannot answer")
            .next("Use a user without MFA for scripts, or machine-to-machine tokens (--client-secret with --cognito-domain)")
            .build();

    static final CauseRule<SignInFailure> OTHER_CHALLENGE = rule("AC952", "Cognito asked for another challenge")
            .summary("Custom auth, device or password-verifier challenges need RespondToAuthChallenge, which this "
                    + "client does not do.")
            .applies("any other challenge")
            .when(f -> f.challenge() != null)
            .fallback()
            .cause(f -> "Cognito asked for the challenge " + f.challenge())
            .next("Answer it with RespondToAuthChallenge in your own code, or use a user without challenges")
            .build();

    static final CauseRule<SignInFailure> SECRET_HASH_MISSING = rule("AC960", "The app client has a secret, none was given")
            .summary("An app client with a secret requires SECRET_HASH on every InitiateAuth; Cognito answers "
                    + "\"Client ... is configured with secret but SECRET_HASH was not received\".")
            .applies("NotAuthorizedException naming SECRET_HASH, no secret given")
            .when(f -> !f.secretGiven() && f.says("secret hash", "secret_hash", "secrethash"))
            .cause(f -> "App client " + f.clientId() + " has a secret, so Cognito wants SECRET_HASH")
            .next("Pass the client secret with --client-secret or AGENTCORE_CLIENT_SECRET")
            .build();

    static final CauseRule<SignInFailure> SECRET_HASH_WRONG = rule("AC961", "The secret hash does not verify")
            .summary("SECRET_HASH is an HMAC of the username and client id with the client's secret; a secret of "
                    + "another client, or an alias where the username belongs, gives \"Unable to verify secret hash\".")
            .applies("NotAuthorizedException naming the secret hash, a secret given")
            .when(f -> f.secretGiven() && f.says("secret hash", "secret_hash", "secrethash"))
            .cause(f -> "The client secret does not belong to app client " + f.clientId()
                    + " (or the username differs from the one the hash needs)")
            .next("Check the secret with describe-user-pool-client; for refresh, the username must be the "
                    + "user's actual username (not an alias)")
            .build();

    static final CauseRule<SignInFailure> FLOW_NOT_ALLOWED = rule("AC962", "The app client does not allow this flow")
            .summary("USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH must be among the app client's ExplicitAuthFlows; "
                    + "Cognito answers \"USER_PASSWORD_AUTH flow not enabled for this client\".")
            .applies("a message naming the auth flow")
            .when(f -> f.says("flow not enabled", "auth flow"))
            .cause(f -> "App client " + f.clientId() + " does not allow " + f.flow())
            .next("Add ALLOW_USER_PASSWORD_AUTH and ALLOW_REFRESH_TOKEN_AUTH to the client's ExplicitAuthFlows")
            .build();

    static final CauseRule<SignInFailure> WRONG_PASSWORD = rule("AC963", "The username or password is wrong")
            .summary("NotAuthorizedException \"Incorrect username or password.\"; with PreventUserExistenceErrors "
                    + "Cognito says the same for a user that does not exist.")
            .applies("NotAuthorizedException: Incorrect username or password.")
            .when(f -> f.says("incorrect username or password"))
            .cause("The username or password is wrong")
            .next("Check them; reset with aws cognito-idp admin-set-user-password --permanent")
            .build();

    static final CauseRule<SignInFailure> REFRESH_TOKEN_DEAD = rule("AC964", "The refresh token has expired or was revoked")
            .summary("Refresh tokens last 30 days by default and die with a sign-out or revocation: "
                    + "\"Invalid Refresh Token.\", \"Refresh Token has been revoked\".")
            .applies("a message naming the refresh token")
            .when(f -> f.says("refresh token"))
            .cause("The refresh token has expired or was revoked")
            .next("Sign in again with --username and --password")
            .build();

    static final CauseRule<SignInFailure> USER_NOT_FOUND = rule("AC965", "The user does not exist")
            .summary("UserNotFoundException: no user of that name in the pool of the app client.")
            .applies("UserNotFoundException")
            .when(f -> f.refusedWith("UserNotFoundException"))
            .cause(f -> "User " + f.username() + " does not exist in this pool")
            .next("List users with aws cognito-idp list-users --user-pool-id <pool>")
            .build();

    static final CauseRule<SignInFailure> NOT_CONFIRMED = rule("AC966", "The user is not confirmed")
            .summary("UserNotConfirmedException: a user who signed up but never confirmed cannot sign in.")
            .applies("UserNotConfirmedException")
            .when(f -> f.refusedWith("UserNotConfirmedException"))
            .cause(f -> "User " + f.username() + " is not confirmed")
            .next(f -> "Confirm it: aws cognito-idp admin-confirm-sign-up --user-pool-id <pool> --username " + f.username())
            .build();

    static final CauseRule<SignInFailure> RESET_REQUIRED = rule("AC967", "The user's password must be reset")
            .summary("PasswordResetRequiredException: an administrator reset the password (or the user was imported).")
            .applies("PasswordResetRequiredException")
            .when(f -> f.refusedWith("PasswordResetRequiredException"))
            .cause("The user's password must be reset")
            .next("aws cognito-idp admin-set-user-password --permanent")
            .build();

    static final CauseRule<SignInFailure> CLIENT_NOT_FOUND = rule("AC968", "The app client does not exist in this region")
            .summary("ResourceNotFoundException: the client id is wrong, or the SDK talks to another region than "
                    + "the user pool's.")
            .applies("ResourceNotFoundException")
            .when(f -> f.refusedWith("ResourceNotFoundException"))
            .cause(f -> "App client " + f.clientId() + " does not exist in this region")
            .next("Check the client id and the region of the user pool (the prefix of its id)")
            .build();

    static final CauseRule<SignInFailure> THROTTLED = rule("AC969", "Cognito throttled the sign-in")
            .summary("TooManyRequestsException: the pool's quota of sign-ins per second was exceeded.")
            .applies("TooManyRequestsException")
            .when(f -> f.refusedWith("TooManyRequestsException"))
            .cause("Cognito throttled the sign-in")
            .next("Wait and retry; tokens are cached, so one sign-in serves many calls")
            .build();

    static final CauseRule<SignInFailure> OTHER_REFUSAL = rule("AC979", "A refusal no other sign-in rule explains")
            .summary("The fallback when no rule above applied: Cognito's error code and message say the rest.")
            .applies("any other error")
            .when(f -> f.code() != null)
            .fallback()
            .cause(f -> "Cognito rejected " + f.flow() + ": " + f.code())
            .next("Read the message above; run with --debug for the full exception")
            .build();

    public static final RuleFamily<SignInFailure> FAMILY = new RuleFamily<>(
            "Signing in a user: Cognito's InitiateAuth",
            "a user sign-in (--username with --password, or --refresh-token) that gave no tokens: the flow, the app "
                    + "client, whether a secret was given, and Cognito's challenge or error code and message",
            List.of(UNREACHABLE, NEW_PASSWORD, MFA, OTHER_CHALLENGE, SECRET_HASH_MISSING, SECRET_HASH_WRONG,
                    FLOW_NOT_ALLOWED, WRONG_PASSWORD, REFRESH_TOKEN_DEAD, USER_NOT_FOUND, NOT_CONFIRMED, RESET_REQUIRED,
                    CLIENT_NOT_FOUND, THROTTLED, OTHER_REFUSAL));
}
