package dev.agentcore.localoauth.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.agentcore.localoauth.http.LocalOAuthServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The reader of pools and clients, through the real SDK client, against a loopback stand-in that answers the three
 * cognito-idp calls as Cognito (and moto) do on the wire (awsJson1_1). The lead checks it against moto itself.
 */
class CognitoUserPoolsTest {

    static final UserPoolId POOL = UserPoolId.of("us-east-1_MotoPool1");

    HttpServer fake;
    CognitoIdentityProviderClient cognito;
    final List<String> calls = new CopyOnWriteArrayList<>();
    final Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        fake.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target.substring(target.indexOf('.') + 1);
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(operation + " " + request);
            String answer = answers.getOrDefault(operation + " " + request, answers.get(operation));
            boolean error = answer == null || answer.contains("\"__type\"");
            if (answer == null) {
                answer = "{\"__type\":\"ResourceNotFoundException\",\"message\":\"not found\"}";
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(error ? 400 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + fake.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        cognito.close();
        fake.stop(0);
    }

    void machineClient(String validity, String units) {
        answers.put("DescribeUserPoolClient", """
                {"UserPoolClient":{"UserPoolId":"us-east-1_MotoPool1","ClientId":"motoclient1","ClientName":"agentcore-machine",
                 "ClientSecret":"moto-secret-1","AllowedOAuthFlowsUserPoolClient":true,"AllowedOAuthFlows":["client_credentials"],
                 "AllowedOAuthScopes":["agentcore/invoke","agentcore/mcp"]%s%s}}
                """.formatted(validity == null ? "" : ",\"AccessTokenValidity\":" + validity,
                units == null ? "" : ",\"TokenValidityUnits\":{\"AccessToken\":\"" + units + "\"}"));
    }

    @Test
    void anAppClientIsReadWithItsSecretFlowsScopesAndValidity() {
        machineClient("15", "minutes");

        AppClient client = new CognitoUserPools(cognito).client(POOL, "motoclient1").orElseThrow();

        assertThat(client.poolId()).isEqualTo(POOL);
        assertThat(client.secretMatches("moto-secret-1")).isTrue();
        assertThat(client.oauthEnabled()).isTrue();
        assertThat(client.allowedOAuthFlows()).isEqualTo(Set.of(OAuthFlow.CLIENT_CREDENTIALS));
        assertThat(client.resourceServerScopes()).containsExactly("agentcore/invoke", "agentcore/mcp");
        assertThat(client.accessTokenValidity()).isEqualTo(Duration.ofMinutes(15));
        assertThat(calls).singleElement().asString().contains("\"UserPoolId\":\"us-east-1_MotoPool1\"")
                .contains("\"ClientId\":\"motoclient1\"");
        assertThat(client.toString()).doesNotContain("moto-secret-1");
    }

    @Test
    void accessTokenValidityWithoutUnitsIsHoursAndAbsentIsSixtyMinutes() {
        machineClient("2", null);
        assertThat(new CognitoUserPools(cognito).client(POOL, "motoclient1").orElseThrow().accessTokenValidity())
                .isEqualTo(Duration.ofHours(2));
        machineClient(null, null);
        assertThat(new CognitoUserPools(cognito).client(POOL, "motoclient1").orElseThrow().accessTokenValidity())
                .isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void unknownPoolsClientsAndDomainsAreEmpty() {
        answers.put("DescribeUserPoolDomain", "{\"DomainDescription\":{}}");
        CognitoUserPools pools = new CognitoUserPools(cognito);

        assertThat(pools.client(POOL, "nope")).isEmpty();
        assertThat(pools.pool(POOL)).isEmpty();
        assertThat(pools.poolByDomain("nope")).isEmpty();
    }

    @Test
    void aPoolAndItsDomainAreRead() {
        answers.put("DescribeUserPool", "{\"UserPool\":{\"Id\":\"us-east-1_MotoPool1\",\"Domain\":\"agentcore-1234\"}}");
        answers.put("DescribeUserPoolDomain",
                "{\"DomainDescription\":{\"UserPoolId\":\"us-east-1_MotoPool1\",\"Domain\":\"agentcore-1234\"}}");
        CognitoUserPools pools = new CognitoUserPools(cognito);

        assertThat(pools.pool(POOL).orElseThrow().domainPrefix()).contains("agentcore-1234");
        assertThat(pools.poolByDomain("agentcore-1234").orElseThrow().id()).isEqualTo(POOL);
    }

    @Test
    void aCognitoApiThatDoesNotAnswerIsUnavailableNotUnknown() {
        fake.stop(0);
        assertThatThrownBy(() -> new CognitoUserPools(cognito).client(POOL, "motoclient1"))
                .isInstanceOf(UserPools.UnavailableException.class).hasMessageContaining("DescribeUserPoolClient");
    }

    @Test
    void theTokenEndpointIssuesTokensForClientsReadFromTheCognitoApi() throws Exception {
        answers.put("DescribeUserPool", "{\"UserPool\":{\"Id\":\"us-east-1_MotoPool1\"}}");
        machineClient("5", "minutes");
        LocalOAuthServer server = LocalOAuthServer.builder(new CognitoUserPools(cognito)).build().start(0);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.tokenEndpoint(POOL))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=motoclient1"
                            + "&client_secret=moto-secret-1&scope=agentcore%2Fmcp")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"expires_in\":300");
        } finally {
            server.stop();
        }
    }
}
