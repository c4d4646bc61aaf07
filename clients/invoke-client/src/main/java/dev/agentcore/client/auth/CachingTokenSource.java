package dev.agentcore.client.auth;

import java.time.Clock;
import java.time.Duration;

/** Keeps a token until shortly before it expires, so a conversation does not ask Cognito on every call. */
public final class CachingTokenSource implements TokenSource {

    public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(60);

    private final TokenSource delegate;
    private final Clock clock;
    private final Duration margin;
    private BearerToken cached;

    public CachingTokenSource(TokenSource delegate, Clock clock, Duration margin) {
        this.delegate = delegate;
        this.clock = clock;
        this.margin = margin;
    }

    public CachingTokenSource(TokenSource delegate) {
        this(delegate, Clock.systemUTC(), DEFAULT_MARGIN);
    }

    @Override
    public synchronized BearerToken token() throws TokenException {
        if (cached == null || (cached.expiresAt() != null && !clock.instant().isBefore(cached.expiresAt().minus(margin)))) {
            cached = delegate.token();
        }
        return cached;
    }
}
