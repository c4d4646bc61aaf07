package dev.agentcore.localoauth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.agentcore.localoauth.pool.UserPoolId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One RSA signing key per user pool, made on first use. Each pool has its own key (moto shares one key across every
 * pool, so a token of one pool verifies against another's JWKS; Cognito never allows that). After {@link #rotate},
 * new tokens are signed with the new key and the JWKS publishes both, newest first, as an issuer does while old
 * tokens are still in use. Keys live in memory only: a restart makes new keys, and tokens issued before it stop
 * verifying, which is what a local stack's tokens should do.
 */
public final class PoolKeys {

    private static final int KEY_BITS = 2048;

    private final Map<UserPoolId, List<RSAKey>> keys = new ConcurrentHashMap<>();

    /** The key that signs the pool's new tokens (public and private parts). */
    public RSAKey signingKey(UserPoolId pool) {
        return keys.computeIfAbsent(pool, p -> List.of(generate())).getFirst();
    }

    /** The pool's published keys, public parts only, as {@code /.well-known/jwks.json} serves them. */
    public JWKSet publicKeys(UserPoolId pool) {
        signingKey(pool);
        return new JWKSet(keys.get(pool).stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
    }

    /** Makes a new signing key; the previous ones stay published so that tokens they signed still verify. */
    public RSAKey rotate(UserPoolId pool) {
        RSAKey fresh = generate();
        keys.compute(pool, (p, old) -> {
            List<RSAKey> next = new ArrayList<>();
            next.add(fresh);
            if (old != null) {
                next.addAll(old);
            }
            return List.copyOf(next);
        });
        return fresh;
    }

    /** Makes a new signing key and stops publishing the old ones: tokens they signed no longer verify. */
    public RSAKey replace(UserPoolId pool) {
        RSAKey fresh = generate();
        keys.put(pool, List.of(fresh));
        return fresh;
    }

    private static RSAKey generate() {
        try {
            RSAKey key = new RSAKeyGenerator(KEY_BITS).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            // Cognito's key ids are standard Base64 (with padding) of a SHA-256 digest; the thumbprint is one.
            String kid = Base64.getEncoder().encodeToString(key.computeThumbprint("SHA-256").decode());
            return new RSAKey.Builder(key).keyID(kid).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA key: " + e.getMessage(), e);
        }
    }
}
