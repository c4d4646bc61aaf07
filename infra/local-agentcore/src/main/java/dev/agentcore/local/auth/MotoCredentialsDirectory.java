package dev.agentcore.local.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.agentcore.core.arn.PrincipalArn;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The keys the local AWS (moto) issued, with their secrets: IAM users' access keys ({@code iam CreateAccessKey}) and
 * STS sessions ({@code sts AssumeRole}), read from moto's own introspection endpoint {@code /moto-api/data.json}, which
 * lists every model moto holds, secrets included (moto 5.2.5: {@code iam.AccessKey}, {@code iam.User},
 * {@code sts.AssumedRole}).
 *
 * <p>Why there: AWS shows a secret once, to whoever created the key; moto itself accepts any key and checks no
 * signature, so the local AWS is the only place that knows them all. What it does not give: an STS session's
 * expiration (moto keeps it as a datetime, which the endpoint leaves out), so sessions here do not expire; and the key
 * moto's own clients sign with by default (any pair moto accepts, such as the stack's {@code local}/{@code local}),
 * which moto never issued: configure that pair in an {@link InMemoryCredentialsDirectory} first.
 *
 * <p>A key found stays trusted for {@link #REFRESH} (so a burst of requests reads moto once); a key not found makes a
 * fresh read, so a key created a moment ago is known at once.
 */
public final class MotoCredentialsDirectory implements CredentialsDirectory {

    /** How long a read of moto's keys answers for keys it holds (a deleted or deactivated key is refused after it). */
    public static final Duration REFRESH = Duration.ofSeconds(1);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI dataJson;
    private final HttpClient http;
    private final InstantSource clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of());

    private record Snapshot(Instant readAt, Map<String, SigningCredentials> byKey) {
    }

    /** The directory of the local AWS at {@code endpoint} ({@code http://127.0.0.1:PORT}, its AWS_ENDPOINT_URL). */
    public MotoCredentialsDirectory(URI endpoint) {
        this(endpoint, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), InstantSource.system());
    }

    MotoCredentialsDirectory(URI endpoint, HttpClient http, InstantSource clock) {
        String base = endpoint.toString();
        this.dataJson = URI.create((base.endsWith("/") ? base : base + "/") + "moto-api/data.json");
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Optional<SigningCredentials> find(String accessKeyId) {
        Snapshot current = snapshot;
        SigningCredentials known = current.byKey().get(accessKeyId);
        if (known != null && clock.instant().isBefore(current.readAt().plus(REFRESH))) {
            return Optional.of(known);
        }
        Snapshot fresh = read();
        snapshot = fresh;
        return Optional.ofNullable(fresh.byKey().get(accessKeyId));
    }

    private Snapshot read() {
        Instant now = clock.instant();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(dataJson).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local AWS's access keys from " + dataJson + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the local AWS's access keys", e);
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the local AWS answered " + answer.statusCode() + " for " + dataJson
                    + ": is it moto's server?");
        }
        try {
            return new Snapshot(now, parse(JSON.readTree(answer.body())));
        } catch (JacksonException e) {
            throw new IllegalStateException("the local AWS's " + dataJson + " is not the JSON moto writes: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Active user keys and STS sessions, by key id, from moto's model dump. */
    static Map<String, SigningCredentials> parse(JsonNode data) {
        Map<String, String> userArns = new HashMap<>();
        for (JsonNode user : data.path("iam").path("User")) {
            // A user name is unique in an account; the local AWS is one account (123456789012 by default).
            userArns.put(user.path("name").asString(""), user.path("arn").asString(""));
        }
        Map<String, SigningCredentials> byKey = new HashMap<>();
        for (JsonNode key : data.path("iam").path("AccessKey")) {
            String id = key.path("access_key_id").asString("");
            String secret = key.path("secret_access_key").asString("");
            String userName = key.path("user_name").asString("");
            // A key with no user is an STS session's (moto keeps it here too): sts.AssumedRole below has its token.
            if (id.isEmpty() || secret.isEmpty() || userName.isEmpty() || !"Active".equals(key.path("status").asString(""))) {
                continue;
            }
            PrincipalArn.parse(userArns.getOrDefault(userName, ""))
                    .ifPresent(user -> byKey.put(id, SigningCredentials.longTerm(id, secret, user)));
        }
        for (JsonNode session : data.path("sts").path("AssumedRole")) {
            String id = session.path("access_key_id").asString("");
            String secret = session.path("secret_access_key").asString("");
            String token = session.path("session_token").asString("");
            if (id.isEmpty() || secret.isEmpty() || token.isEmpty()) {
                continue;
            }
            PrincipalArn.parse(session.path("arn").asString("")).ifPresent(principal ->
                    byKey.put(id, SigningCredentials.session(id, secret, token, principal, Optional.empty())));
        }
        return Map.copyOf(byKey);
    }
}
