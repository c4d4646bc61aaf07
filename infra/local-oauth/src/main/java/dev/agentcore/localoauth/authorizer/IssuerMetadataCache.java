package dev.agentcore.localoauth.authorizer;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discovery documents and JWKS, fetched over HTTP and kept for a while. A JWKS is fetched again before its time when a
 * token names a key it lacks ({@link #keys(URI, boolean)} with {@code refresh}), which is how an issuer's key rotation
 * reaches a verifier.
 */
public final class IssuerMetadataCache {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final UrlRewrite rewrite;
    private final Clock clock;
    private final Duration ttl;
    private final Duration timeout;
    private final Map<String, Cached<IssuerMetadata>> discovery = new ConcurrentHashMap<>();
    private final Map<URI, Cached<JWKSet>> jwks = new ConcurrentHashMap<>();

    public IssuerMetadataCache(HttpClient http, UrlRewrite rewrite, Clock clock, Duration ttl, Duration timeout) {
        this.http = http;
        this.rewrite = rewrite;
        this.clock = clock;
        this.ttl = ttl;
        this.timeout = timeout;
    }

    public static IssuerMetadataCache create(UrlRewrite rewrite) {
        return new IssuerMetadataCache(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), rewrite,
                Clock.systemUTC(), DEFAULT_TTL, Duration.ofSeconds(5));
    }

    public IssuerMetadata discovery(String discoveryUrl) throws UnavailableException {
        Cached<IssuerMetadata> cached = discovery.get(discoveryUrl);
        if (cached != null && cached.fresh(clock.instant(), ttl)) {
            return cached.value();
        }
        JsonNode doc;
        try {
            doc = JSON.readTree(fetch(URI.create(discoveryUrl)));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnavailableException("the discovery document at " + discoveryUrl + " is not JSON: " + e.getMessage());
        }
        String issuer = doc.path("issuer").asString(null);
        String jwksUri = doc.path("jwks_uri").asString(null);
        if (issuer == null || jwksUri == null) {
            throw new UnavailableException("the discovery document at " + discoveryUrl + " has no issuer or no jwks_uri");
        }
        IssuerMetadata metadata = new IssuerMetadata(issuer, URI.create(jwksUri));
        discovery.put(discoveryUrl, new Cached<>(metadata, clock.instant()));
        return metadata;
    }

    /** The issuer's keys; with {@code refresh}, fetched again whatever the cache holds. */
    public JWKSet keys(URI jwksUri, boolean refresh) throws UnavailableException {
        Cached<JWKSet> cached = jwks.get(jwksUri);
        if (!refresh && cached != null && cached.fresh(clock.instant(), ttl)) {
            return cached.value();
        }
        JWKSet keys;
        try {
            keys = JWKSet.parse(fetch(jwksUri));
        } catch (ParseException e) {
            throw new UnavailableException("the JWKS at " + jwksUri + " does not parse: " + e.getMessage());
        }
        jwks.put(jwksUri, new Cached<>(keys, clock.instant()));
        return keys;
    }

    private String fetch(URI url) throws UnavailableException {
        URI target = rewrite.apply(url);
        String where = target.equals(url) ? url.toString() : url + " (fetched at " + target + ")";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new UnavailableException("GET " + where + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UnavailableException("could not GET " + where + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while fetching " + where);
        }
    }

    private record Cached<T>(T value, Instant fetchedAt) {
        boolean fresh(Instant now, Duration ttl) {
            return now.isBefore(fetchedAt.plus(ttl));
        }
    }

    /** The issuer's metadata could not be had: the token cannot be checked. */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message) {
            super(message);
        }
    }
}
