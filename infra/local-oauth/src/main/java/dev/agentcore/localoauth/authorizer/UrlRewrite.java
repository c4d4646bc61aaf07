package dev.agentcore.localoauth.authorizer;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the authorizer really fetches a discovery document or JWKS. The runtimes' templates give Cognito's discovery
 * URL ({@code https://cognito-idp.<region>.amazonaws.com/<pool>/.well-known/openid-configuration}); locally, that host
 * must be answered by the local token server instead, while the issuer the tokens carry stays Cognito's.
 */
@FunctionalInterface
public interface UrlRewrite {

    URI apply(URI url);

    static UrlRewrite none() {
        return url -> url;
    }

    /** {@code https://cognito-idp.<region>.amazonaws.com/<path>} to {@code <localBase>/<path>}; other URLs as they are. */
    static UrlRewrite cognitoTo(URI localBase) {
        Pattern cognito = Pattern.compile("https://cognito-idp\\.[a-z0-9-]+\\.amazonaws\\.com(/.*)?");
        String base = localBase.toString().endsWith("/")
                ? localBase.toString().substring(0, localBase.toString().length() - 1) : localBase.toString();
        return url -> {
            Matcher m = cognito.matcher(url.toString());
            return m.matches() ? URI.create(base + (m.group(1) == null ? "" : m.group(1))) : url;
        };
    }
}
