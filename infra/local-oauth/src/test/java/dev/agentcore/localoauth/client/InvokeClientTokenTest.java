package dev.agentcore.localoauth.client;

import static dev.agentcore.localoauth.LocalPools.DOMAIN;
import static dev.agentcore.localoauth.LocalPools.MACHINE;
import static dev.agentcore.localoauth.LocalPools.MACHINE_SECRET;
import static dev.agentcore.localoauth.LocalPools.MCP;
import static dev.agentcore.localoauth.LocalPools.POOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.CognitoClientCredentials;
import dev.agentcore.client.auth.TokenClaims;
import dev.agentcore.client.auth.TokenException;
import dev.agentcore.localoauth.LocalPools;
import dev.agentcore.localoauth.authorizer.AuthorizationResult;
import dev.agentcore.localoauth.authorizer.JwtAuthorizer;
import dev.agentcore.localoauth.authorizer.JwtAuthorizerConfig;
import dev.agentcore.localoauth.authorizer.UrlRewrite;
import dev.agentcore.localoauth.http.LocalOAuthServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's own client (agentcore-invoke's CognitoClientCredentials), unchanged, against the local endpoint. */
class InvokeClientTokenTest {

    static LocalOAuthServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LocalOAuthServer.builder(LocalPools.pools()).build().start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static CognitoClientCredentials client(String domain, String secret) {
        return new CognitoClientCredentials(domain, MACHINE, secret, List.of(MCP), HttpClient.newHttpClient(),
                Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void thePoolsDomainOnThisServerIsAnAgentcoreInvokeCognitoDomain() throws Exception {
        CognitoClientCredentials credentials = client(server.domain(POOL).toString(), MACHINE_SECRET);
        assertThat(credentials.tokenEndpoint()).isEqualTo(server.tokenEndpoint(POOL));

        BearerToken token = credentials.token();

        TokenClaims claims = TokenClaims.decode(token.value()).orElseThrow();
        assertThat(claims.clientId()).isEqualTo(MACHINE);
        assertThat(claims.scopes()).containsExactly(MCP);
        assertThat(claims.isAccessToken()).isTrue();
        assertThat(token.expiresAt()).isAfter(Instant.now().plusSeconds(3500));

        JwtAuthorizerConfig runtime = JwtAuthorizerConfig.of(server.discoveryUrl(POOL).toString())
                .withAllowedClients(List.of(MACHINE)).withAllowedScopes(List.of(MCP));
        assertThat(JwtAuthorizer.create(UrlRewrite.none()).authorize(runtime, Optional.of("Bearer " + token.value())))
                .isInstanceOf(AuthorizationResult.Accepted.class);
    }

    @Test
    void theDomainPrefixWorksAsADomainToo() throws Exception {
        BearerToken token = client(server.baseUrl() + "/" + DOMAIN, MACHINE_SECRET).token();

        assertThat(TokenClaims.decode(token.value()).orElseThrow().issuer()).isEqualTo(server.issuer(POOL).toString());
    }

    @Test
    void aWrongSecretReachesTheClientAsCognitosInvalidClient() {
        TokenException e = catchThrowableOfType(TokenException.class,
                () -> client(server.domain(POOL).toString(), "wrong-secret-value").token());

        assertThat(e.diagnosis().summary()).contains("HTTP 400").contains("invalid_client");
        assertThat(e.diagnosis().causes().getFirst().cause()).contains(MACHINE).contains("secret is wrong");
    }
}
