package dev.agentcore.localoauth.pool;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordResetRequiredException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TokenValidityUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/**
 * User pools and app clients read from a Cognito API: in the local stack, moto's ({@code cognito-idp} on the local AWS
 * endpoint). Nothing is cached, so a client created or changed there is seen by the next token request.
 *
 * <p>Calls: DescribeUserPool (its Domain), DescribeUserPoolDomain (domain prefix to pool), DescribeUserPoolClient
 * (ClientSecret, AllowedOAuthFlowsUserPoolClient, AllowedOAuthFlows, AllowedOAuthScopes, CallbackURLs, the access,
 * ID and refresh token validities with TokenValidityUnits); for the sign-in page AdminInitiateAuth with
 * ADMIN_USER_PASSWORD_AUTH (and SECRET_HASH for a client with a secret), then AdminGetUser and
 * AdminListGroupsForUser for the tokens' claims.
 */
public final class CognitoUserPools implements UserPools {

    private final CognitoIdentityProviderClient cognito;

    public CognitoUserPools(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
    }

    @Override
    public Optional<UserPool> pool(UserPoolId id) {
        try {
            UserPoolType pool = cognito.describeUserPool(r -> r.userPoolId(id.value())).userPool();
            return pool == null ? Optional.empty() : Optional.of(new UserPool(id, Optional.ofNullable(pool.domain())));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("DescribeUserPool " + id, e);
        }
    }

    @Override
    public Optional<UserPool> poolByDomain(String domainPrefix) {
        try {
            DomainDescriptionType domain = cognito.describeUserPoolDomain(r -> r.domain(domainPrefix)).domainDescription();
            // Cognito answers an unknown domain with an empty description, not an error.
            if (domain == null || domain.userPoolId() == null || !UserPoolId.isValid(domain.userPoolId())) {
                return Optional.empty();
            }
            return Optional.of(UserPool.withDomain(UserPoolId.of(domain.userPoolId()), domainPrefix));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("DescribeUserPoolDomain " + domainPrefix, e);
        }
    }

    @Override
    public Optional<AppClient> client(UserPoolId pool, String clientId) {
        try {
            UserPoolClientType c = cognito.describeUserPoolClient(r -> r.userPoolId(pool.value()).clientId(clientId))
                    .userPoolClient();
            return c == null ? Optional.empty() : Optional.of(toAppClient(pool, c));
        } catch (ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("DescribeUserPoolClient " + pool + "/" + clientId, e);
        }
    }

    @Override
    public SignIn signIn(AppClient client, String username, String password) {
        String pool = client.poolId().value();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", username);
        parameters.put("PASSWORD", password);
        client.secret().ifPresent(secret -> parameters.put("SECRET_HASH", secretHash(secret, username, client.clientId())));
        AdminInitiateAuthResponse answer;
        try {
            answer = cognito.adminInitiateAuth(r -> r.userPoolId(pool).clientId(client.clientId())
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH).authParameters(parameters));
        } catch (UserNotFoundException e) {
            return SignIn.Refused.incorrect("no user " + username + " in " + pool);
        } catch (NotAuthorizedException e) {
            // Cognito says "User is disabled." for a disabled user and "Incorrect username or password." otherwise.
            String message = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorMessage();
            return "User is disabled.".equals(message) ? new SignIn.Refused(message, "user " + username + " is disabled")
                    : SignIn.Refused.incorrect("AdminInitiateAuth refused " + username + ": " + message);
        } catch (PasswordResetRequiredException | UserNotConfirmedException e) {
            return new SignIn.Refused(e.awsErrorDetails().errorMessage(), "AdminInitiateAuth: " + e.getMessage());
        } catch (ResourceNotFoundException e) {
            return SignIn.Refused.incorrect("AdminInitiateAuth: " + e.getMessage());
        } catch (SdkException e) {
            throw unavailable("AdminInitiateAuth " + pool + "/" + username, e);
        }
        if (answer.challengeName() != null) {
            // Managed login would ask for a new password or an MFA code; this page has no such step.
            return new SignIn.Refused("This local sign-in page cannot answer the " + answer.challengeNameAsString()
                    + " challenge. Set a permanent password (admin-set-user-password --permanent) or turn MFA off.",
                    "AdminInitiateAuth answered the challenge " + answer.challengeNameAsString() + " for " + username);
        }
        return user(client.poolId(), username).<SignIn>map(SignIn.SignedIn::new)
                .orElseGet(() -> SignIn.Refused.incorrect("user " + username + " vanished after signing in"));
    }

    @Override
    public Optional<PoolUser> user(UserPoolId pool, String username) {
        try {
            AdminGetUserResponse user = cognito.adminGetUser(r -> r.userPoolId(pool.value()).username(username));
            Map<String, String> attributes = new LinkedHashMap<>();
            if (user.hasUserAttributes()) {
                user.userAttributes().forEach(a -> attributes.put(a.name(), a.value()));
            }
            List<String> groups = cognito.adminListGroupsForUserPaginator(r -> r.userPoolId(pool.value())
                    .username(user.username())).groups().stream().map(GroupType::groupName).toList();
            return Optional.of(new PoolUser(user.username(), attributes, groups, !Boolean.FALSE.equals(user.enabled())));
        } catch (UserNotFoundException | ResourceNotFoundException missing) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("AdminGetUser " + pool + "/" + username, e);
        }
    }

    /** Base64(HMAC-SHA256(client secret, username + client id)), which Cognito requires of a client with a secret. */
    static String secretHash(String secret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }

    static AppClient toAppClient(UserPoolId pool, UserPoolClientType c) {
        Set<OAuthFlow> flows = EnumSet.noneOf(OAuthFlow.class);
        if (c.hasAllowedOAuthFlows()) {
            c.allowedOAuthFlowsAsStrings().forEach(name -> OAuthFlow.fromWireName(name).ifPresent(flows::add));
        }
        TokenValidityUnitsType units = c.tokenValidityUnits();
        TokenValidity validity = new TokenValidity(
                duration(c.accessTokenValidity(), units, TokenValidityUnitsType::accessToken, TimeUnitsType.HOURS),
                duration(c.idTokenValidity(), units, TokenValidityUnitsType::idToken, TimeUnitsType.HOURS),
                duration(c.refreshTokenValidity(), units, TokenValidityUnitsType::refreshToken, TimeUnitsType.DAYS));
        return new AppClient(pool, c.clientId(), Optional.ofNullable(c.clientSecret()),
                Boolean.TRUE.equals(c.allowedOAuthFlowsUserPoolClient()), flows,
                c.hasAllowedOAuthScopes() ? c.allowedOAuthScopes() : null,
                c.hasCallbackURLs() ? c.callbackURLs() : null, validity);
    }

    /**
     * A validity in its unit; null (Cognito's default) when absent. Without TokenValidityUnits Cognito reads access
     * and ID token validities as hours and the refresh token's as days.
     */
    private static Duration duration(Integer amount, TokenValidityUnitsType units,
                                     Function<TokenValidityUnitsType, TimeUnitsType> unitOf, TimeUnitsType fallback) {
        if (amount == null) {
            return null;
        }
        TimeUnitsType unit = units == null || unitOf.apply(units) == null ? fallback : unitOf.apply(units);
        return switch (unit) {
            case SECONDS -> Duration.ofSeconds(amount);
            case MINUTES -> Duration.ofMinutes(amount);
            case DAYS -> Duration.ofDays(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static UnavailableException unavailable(String call, SdkException e) {
        return new UnavailableException("could not read user pools from the Cognito API (" + call + "): "
                + e.getMessage(), e);
    }
}
