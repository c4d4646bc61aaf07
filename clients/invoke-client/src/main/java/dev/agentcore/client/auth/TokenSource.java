package dev.agentcore.client.auth;

/** Gives a bearer token for the next request; sources that talk to Cognito are cached by {@link CachingTokenSource}. */
@FunctionalInterface
public interface TokenSource {

    BearerToken token() throws TokenException;

    /** A static token, from a flag or an environment variable. */
    static TokenSource fixed(String token, String origin) {
        BearerToken bearer = BearerToken.of(token, origin);
        return () -> bearer;
    }
}
