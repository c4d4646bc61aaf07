package dev.agentcore.cli;

import dev.agentcore.client.auth.CachingTokenSource;
import dev.agentcore.client.auth.CognitoClientCredentials;
import dev.agentcore.client.auth.CognitoUserPassword;
import dev.agentcore.client.auth.TokenSource;
import dev.agentcore.core.state.CognitoSettings;
import dev.agentcore.core.state.StateFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Picks the token source from flags, then environment variables, then the state file's cognito section. */
final class TokenSources implements AutoCloseable {

    private final TokenOptions options;
    private final Environment env;
    private final Optional<CognitoSettings> cognito;
    private CognitoIdentityProviderClient cognitoClient;

    TokenSources(TokenOptions options, Environment env, Optional<StateFile> state) {
        this.options = options;
        this.env = env;
        this.cognito = state.flatMap(StateFile::cognitoSettings);
    }

    private Optional<String> pick(String flag, String variable) {
        return Optional.ofNullable(flag).filter(v -> !v.isBlank()).or(() -> env.variable(variable));
    }

    /** True when a flag asks for a bearer token; that overrides what the state file says about the runtime. */
    boolean requestedByFlag() {
        return options.token != null || options.clientSecret != null || options.username != null
                || options.refreshToken != null;
    }

    /** True when the user asked for a bearer token in any way (flags or environment). */
    boolean requested() {
        return pick(options.token, "AGENTCORE_BEARER_TOKEN").isPresent()
                || pick(options.clientSecret, "AGENTCORE_CLIENT_SECRET").isPresent()
                || pick(options.username, "AGENTCORE_USERNAME").isPresent()
                || pick(options.refreshToken, "AGENTCORE_REFRESH_TOKEN").isPresent();
    }

    /**
     * @param runtimeRegion the fallback region for InitiateAuth
     * @param why           what needs the token, for the error when none can be had
     */
    TokenSource resolve(String runtimeRegion, Duration timeout, String why) {
        Optional<String> token = pick(options.token, "AGENTCORE_BEARER_TOKEN");
        if (token.isPresent()) {
            return TokenSource.fixed(token.get(), options.token != null ? "--token" : "AGENTCORE_BEARER_TOKEN");
        }
        String clientId = pick(options.clientId, "AGENTCORE_CLIENT_ID").or(() -> cognito.map(CognitoSettings::clientId)).orElse(null);
        String secret = pick(options.clientSecret, "AGENTCORE_CLIENT_SECRET").orElse(null);
        String username = pick(options.username, "AGENTCORE_USERNAME").orElse(null);
        String password = pick(options.password, "AGENTCORE_PASSWORD").orElse(null);
        String refresh = pick(options.refreshToken, "AGENTCORE_REFRESH_TOKEN").orElse(null);
        try {
            if (username != null || refresh != null) {
                return new CachingTokenSource(new CognitoUserPassword(cognitoClient(runtimeRegion), clientId, secret,
                        username, password, refresh, env.clock()), env.clock(), CachingTokenSource.DEFAULT_MARGIN);
            }
            if (secret != null) {
                String domain = pick(options.cognitoDomain, "AGENTCORE_COGNITO_DOMAIN")
                        .or(() -> cognito.map(CognitoSettings::domain)).orElse(null);
                List<String> scopes = !options.scopes.isEmpty() ? options.scopes : cognito.map(CognitoSettings::scopes).orElse(List.of());
                return new CachingTokenSource(new CognitoClientCredentials(domain, clientId, secret, scopes,
                        HttpClient.newBuilder().connectTimeout(timeout).build(), timeout, env.clock()),
                        env.clock(), CachingTokenSource.DEFAULT_MARGIN);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        throw new UsageException(why + " takes OAuth bearer tokens, but no token is configured: pass --token (or set "
                + "AGENTCORE_BEARER_TOKEN), or --client-secret with --client-id and --cognito-domain for machine tokens, or "
                + "--username with --password for a user (AGENTCORE_CLIENT_SECRET and AGENTCORE_PASSWORD keep secrets out of "
                + "the process list)");
    }

    private CognitoIdentityProviderClient cognitoClient(String runtimeRegion) {
        String region = Optional.ofNullable(options.cognitoRegion).or(() -> cognito.map(CognitoSettings::region))
                .orElse(runtimeRegion);
        if (region == null) {
            throw new UsageException("the Cognito region is unknown: pass --cognito-region");
        }
        var builder = CognitoIdentityProviderClient.builder().region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create()); // InitiateAuth is an unsigned call
        if (options.cognitoEndpointUrl != null) {
            builder.endpointOverride(URI.create(options.cognitoEndpointUrl));
        }
        cognitoClient = builder.build();
        return cognitoClient;
    }

    @Override
    public void close() {
        if (cognitoClient != null) {
            cognitoClient.close();
        }
    }
}
