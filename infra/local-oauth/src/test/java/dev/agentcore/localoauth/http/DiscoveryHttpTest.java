package dev.agentcore.localoauth.http;

import static dev.agentcore.localoauth.LocalPools.OTHER_POOL;
import static dev.agentcore.localoauth.LocalPools.POOL;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.agentcore.localoauth.LocalPools;
import dev.agentcore.localoauth.discovery.IssuerBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The discovery document and the JWKS, per pool, with Cognito's member names. */
class DiscoveryHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDiscoveryDocumentHasCognitosMembersAndALocalIssuer() throws Exception {
        LocalOAuthServer server = LocalOAuthServer.builder(LocalPools.pools()).build().start(0);
        try {
            HttpResponse<String> response = get(server.discoveryUrl(POOL));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode doc = JSON.readTree(response.body());
            String issuer = server.baseUrl() + "/" + POOL.value();
            assertThat(doc.propertyNames()).containsExactly("authorization_endpoint",
                    "id_token_signing_alg_values_supported", "issuer", "jwks_uri",
                    "response_types_supported", "scopes_supported", "subject_types_supported", "token_endpoint",
                    "token_endpoint_auth_methods_supported");
            assertThat(doc.get("issuer").asString()).isEqualTo(issuer);
            assertThat(doc.get("jwks_uri").asString()).isEqualTo(issuer + "/.well-known/jwks.json");
            assertThat(doc.get("token_endpoint").asString()).isEqualTo(server.tokenEndpoint(POOL).toString());
            assertThat(doc.get("authorization_endpoint").asString())
                    .isEqualTo(server.baseUrl() + "/" + POOL.value() + "/oauth2/authorize");
            assertThat(doc.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
            assertThat(doc.get("token_endpoint_auth_methods_supported").toString())
                    .isEqualTo("[\"client_secret_basic\",\"client_secret_post\"]");
        } finally {
            server.stop();
        }
    }

    @Test
    void theIssuerCanBeCognitosOwn() throws Exception {
        LocalOAuthServer server = LocalOAuthServer.builder(LocalPools.pools()).issuerBase(IssuerBase.awsCognito()).build()
                .start(0);
        try {
            JsonNode doc = JSON.readTree(get(URI.create(server.baseUrl() + "/" + OTHER_POOL.value()
                    + "/.well-known/openid-configuration")).body());

            assertThat(doc.get("issuer").asString()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool2");
            assertThat(doc.get("jwks_uri").asString())
                    .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool2/.well-known/jwks.json");
            assertThat(server.discoveryUrl(OTHER_POOL).toString()).isEqualTo(
                    "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_OtherPool2/.well-known/openid-configuration");
        } finally {
            server.stop();
        }
    }

    @Test
    void eachPoolPublishesItsOwnKey() throws Exception {
        LocalOAuthServer server = LocalOAuthServer.builder(LocalPools.pools()).build().start(0);
        try {
            HttpResponse<String> response = get(URI.create(server.issuer(POOL) + "/.well-known/jwks.json"));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode key = JSON.readTree(response.body()).get("keys").get(0);
            assertThat(key.propertyNames()).containsExactly("alg", "e", "kid", "kty", "n", "use");
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            assertThat(response.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");

            JWKSet mine = JWKSet.parse(response.body());
            JWKSet theirs = JWKSet.parse(get(URI.create(server.issuer(OTHER_POOL) + "/.well-known/jwks.json")).body());
            assertThat(mine.getKeys().getFirst().getKeyID()).isNotEqualTo(theirs.getKeys().getFirst().getKeyID());
            assertThat(mine.getKeys().getFirst().toRSAKey().getModulus())
                    .isNotEqualTo(theirs.getKeys().getFirst().toRSAKey().getModulus());
        } finally {
            server.stop();
        }
    }

    @Test
    void anUnknownPoolIsNotFound() throws Exception {
        LocalOAuthServer server = LocalOAuthServer.builder(LocalPools.pools()).build().start(0);
        try {
            assertThat(get(URI.create(server.baseUrl() + "/us-east-1_Nope/.well-known/openid-configuration")).statusCode())
                    .isEqualTo(404);
            assertThat(get(URI.create(server.baseUrl() + "/something/else")).statusCode()).isEqualTo(404);
        } finally {
            server.stop();
        }
    }

    @Test
    void mountedUnderAPrefixOnSomeoneElsesServer() throws Exception {
        com.sun.net.httpserver.HttpServer host = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/runtimes/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        LocalOAuthServer oauth = LocalOAuthServer.builder(LocalPools.pools()).build();
        URI hostUrl = URI.create("http://127.0.0.1:" + host.getAddress().getPort());
        oauth.mount(host, "/cognito", hostUrl);
        host.start();
        try {
            assertThat(oauth.baseUrl()).isEqualTo(URI.create(hostUrl + "/cognito"));
            JsonNode doc = JSON.readTree(get(oauth.discoveryUrl(POOL)).body());
            assertThat(doc.get("issuer").asString()).isEqualTo(hostUrl + "/cognito/" + POOL.value());
            assertThat(get(URI.create(hostUrl + "/runtimes/x")).statusCode()).isEqualTo(204);
        } finally {
            host.stop(0);
        }
    }
}
