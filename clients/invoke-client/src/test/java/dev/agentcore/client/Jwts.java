package dev.agentcore.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** Real RS256-signed JWTs shaped like Cognito's access and ID tokens. */
public final class Jwts {

    public static final String POOL = "us-east-1_AbCdEf123";
    public static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/" + POOL;
    public static final String DISCOVERY_URL = ISSUER + "/.well-known/openid-configuration";
    public static final String CLIENT_ID = "4h5j6k7l8m9n0p1q2r3s4t5u6v";

    private static final RSAKey KEY = generate();

    private Jwts() {
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JWTClaimsSet.Builder accessClaims(Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .claim("client_id", CLIENT_ID)
                .claim("token_use", "access")
                .claim("scope", "agentcore/invoke")
                .issueTime(Date.from(expiresAt.minusSeconds(3600)))
                .expirationTime(Date.from(expiresAt));
    }

    public static String accessToken(Instant expiresAt) {
        return sign(accessClaims(expiresAt).build());
    }

    public static String idToken(Instant expiresAt) {
        return sign(new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(UUID.randomUUID().toString())
                .audience(CLIENT_ID)
                .claim("token_use", "id")
                .claim("cognito:username", "alice")
                .issueTime(Date.from(expiresAt.minusSeconds(3600)))
                .expirationTime(Date.from(expiresAt))
                .build());
    }

    public static String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
