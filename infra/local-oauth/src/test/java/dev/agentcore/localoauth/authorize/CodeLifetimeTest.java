package dev.agentcore.localoauth.authorize;

import static dev.agentcore.localoauth.LocalPools.CALLBACK;
import static dev.agentcore.localoauth.LocalPools.POOL;
import static dev.agentcore.localoauth.LocalPools.USER;
import static dev.agentcore.localoauth.LocalPools.USER_CLIENT;
import static dev.agentcore.localoauth.LocalPools.USER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.localoauth.LocalPools;
import dev.agentcore.localoauth.pool.InMemoryUserPools;
import dev.agentcore.localoauth.pool.UserPool;
import dev.agentcore.localoauth.token.AccessTokenIssuer;
import dev.agentcore.localoauth.token.AuthorizationCodes;
import dev.agentcore.localoauth.token.RefreshTokens;
import dev.agentcore.localoauth.token.TokenEndpoint;
import dev.agentcore.localoauth.token.TokenOutcome;
import dev.agentcore.localoauth.token.UserTokenIssuer;
import dev.agentcore.localoauth.discovery.IssuerBase;
import dev.agentcore.localoauth.keys.PoolKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Codes live five minutes and refresh tokens the client's RefreshTokenValidity, on a clock the test moves. */
class CodeLifetimeTest {

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final InMemoryUserPools pools = LocalPools.pools();
    final UserPool pool = pools.pool(POOL).orElseThrow();
    final AuthorizationCodes codes = new AuthorizationCodes(clock);
    final ManagedLogin login = new ManagedLogin(pools, codes, clock);
    final IssuerBase issuers = IssuerBase.at(URI.create("http://127.0.0.1:1"));
    final PoolKeys keys = new PoolKeys();
    final TokenEndpoint tokens = new TokenEndpoint(pools, new AccessTokenIssuer(keys, issuers, clock),
            new UserTokenIssuer(keys, issuers, clock), codes, new RefreshTokens(clock));

    AuthorizationRequest request() {
        return AuthorizationRequest.of(Map.of("response_type", List.of("code"), "client_id", List.of(USER_CLIENT),
                "redirect_uri", List.of(CALLBACK), "scope", List.of("openid agentcore/invoke")));
    }

    String code() {
        AuthorizeAnswer answer = login.signIn(pool, request(), USER, USER_PASSWORD).answer();
        String location = ((AuthorizeAnswer.BackToApp) answer).location().toString();
        return location.substring(location.indexOf("code=") + 5);
    }

    TokenOutcome exchange(String code) {
        return tokens.exchange(pool, Optional.empty(), "grant_type=authorization_code&client_id=" + USER_CLIENT
                + "&code=" + code + "&redirect_uri=" + URLEncoder.encode(CALLBACK, StandardCharsets.UTF_8));
    }

    TokenOutcome refresh(String token) {
        return tokens.exchange(pool, Optional.empty(), "grant_type=refresh_token&client_id=" + USER_CLIENT
                + "&refresh_token=" + token);
    }

    @Test
    void aCodeIsGoodForFiveMinutes() {
        String inTime = code();
        clock.now = clock.now.plus(Duration.ofMinutes(5)).minusSeconds(1);
        assertThat(exchange(inTime)).isInstanceOf(TokenOutcome.Issued.class);

        String late = code();
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(exchange(late)).isInstanceOfSatisfying(TokenOutcome.Refused.class,
                r -> assertThat(r.error().code()).isEqualTo("invalid_grant"));
    }

    @Test
    void aRefreshTokenLastsThirtyDaysByDefault() {
        TokenOutcome.Issued first = (TokenOutcome.Issued) exchange(code());
        String refreshToken = first.refreshToken().orElseThrow();

        clock.now = clock.now.plus(Duration.ofDays(30)).minusSeconds(1);
        assertThat(refresh(refreshToken)).isInstanceOf(TokenOutcome.Issued.class);
        clock.now = clock.now.plusSeconds(1);
        assertThat(refresh(refreshToken)).isInstanceOfSatisfying(TokenOutcome.Refused.class,
                r -> assertThat(r.error().code()).isEqualTo("invalid_grant"));
    }

    @Test
    void withoutOpenIdThereIsNoIdToken() {
        AuthorizationRequest noOpenId = AuthorizationRequest.of(Map.of("response_type", List.of("code"),
                "client_id", List.of(USER_CLIENT), "redirect_uri", List.of(CALLBACK),
                "scope", List.of("agentcore/invoke")));
        String location = ((AuthorizeAnswer.BackToApp) login.signIn(pool, noOpenId, USER, USER_PASSWORD).answer())
                .location().toString();

        TokenOutcome.Issued issued = (TokenOutcome.Issued) exchange(location.substring(location.indexOf("code=") + 5));

        assertThat(issued.idToken()).isEmpty();
        assertThat(issued.body().keySet()).containsExactly("access_token", "refresh_token", "expires_in", "token_type");
    }

    @Test
    void theSignInPageEscapesWhatTheRequestCarries() {
        AuthorizeAnswer.SignInForm form = (AuthorizeAnswer.SignInForm) login.check(pool, request());
        String html = SignInPage.form(form, POOL.value(), "state=%22%3E<script>alert(1)</script>");

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    }
}
