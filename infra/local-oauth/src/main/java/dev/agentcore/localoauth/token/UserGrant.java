package dev.agentcore.localoauth.token;

import dev.agentcore.localoauth.pool.PoolUser;
import dev.agentcore.localoauth.pool.UserPoolId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one sign-in of a user granted an app client; the code, the refresh token and every token issued from them
 * carry it.
 *
 * @param scopes    the granted scopes, OIDC ones ({@code openid}, {@code email}) and resource-server ones alike
 * @param authTime  when the user signed in: {@code auth_time} of every token, refreshed ones included
 * @param originJti the id of the sign-in: {@code origin_jti} of every token from it, as Cognito keeps it on refresh
 * @param eventId   Cognito's {@code event_id} of the sign-in
 * @param nonce     the authorization request's {@code nonce}, for the first ID token
 */
public record UserGrant(UserPoolId pool, String clientId, PoolUser user, List<String> scopes, Instant authTime,
                        String originJti, String eventId, Optional<String> nonce) {

    public UserGrant {
        scopes = List.copyOf(scopes);
        nonce = nonce == null ? Optional.empty() : nonce;
    }

    /** A fresh sign-in now, with new origin_jti and event_id. */
    public static UserGrant signedIn(UserPoolId pool, String clientId, PoolUser user, List<String> scopes,
                                     Instant now, Optional<String> nonce) {
        return new UserGrant(pool, clientId, user, scopes, Instant.ofEpochSecond(now.getEpochSecond()),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), nonce);
    }

    /** The same sign-in with the user as it is now and no nonce: what a refresh issues from. */
    public UserGrant refreshedFor(PoolUser current) {
        return new UserGrant(pool, clientId, current, scopes, authTime, originJti, eventId, Optional.empty());
    }

    public boolean hasOpenId() {
        return scopes.contains("openid");
    }
}
