package dev.agentcore.localoauth.discovery;

import dev.agentcore.localoauth.pool.UserPoolId;
import java.net.URI;

/**
 * Where a pool's issuer URL starts. Cognito's issuer is {@code https://cognito-idp.<region>.amazonaws.com/<pool id>};
 * tokens carry it in {@code iss}, and the discovery document and JWKS live under it.
 *
 * <ul>
 *   <li>{@link AwsCognito}: tokens carry Cognito's exact issuer. Nothing local answers at that host, so whoever
 *       fetches the discovery document (the local authorizer) must be told to fetch it here instead
 *       ({@code UrlRewrite.cognitoTo}). Use it when runtimes keep the discovery URL the real templates give them.</li>
 *   <li>{@link At}: the issuer is this server, {@code http://127.0.0.1:PORT[/prefix]/<pool id>}: fetchable as is,
 *       by any client, with no rewriting. Runtimes must then use that discovery URL.</li>
 * </ul>
 */
public sealed interface IssuerBase {

    URI issuer(UserPoolId pool);

    static IssuerBase awsCognito() {
        return new AwsCognito();
    }

    static IssuerBase at(URI base) {
        return new At(base);
    }

    record AwsCognito() implements IssuerBase {
        @Override
        public URI issuer(UserPoolId pool) {
            return URI.create("https://cognito-idp." + pool.region() + ".amazonaws.com/" + pool.value());
        }
    }

    record At(URI base) implements IssuerBase {
        public At {
            String text = base.toString();
            base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }

        @Override
        public URI issuer(UserPoolId pool) {
            return URI.create(base + "/" + pool.value());
        }
    }
}
