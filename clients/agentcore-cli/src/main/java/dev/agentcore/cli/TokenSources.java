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
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * Picks the token source from the token options (a flag, else its environment variable, as picocli fills them in),
 * then the state file's cognito section.
 */
final class TokenSources implements AutoCloseable {

    private final TokenOptions options;
    private final Predicate<String> typed;
    private final Environment env;
    private final Optional<CognitoSettings> cognito;
    private CognitoIdentityProviderClient cognitoClient;

    /** @param typed whether an option was on the command line (rather than defaulted from the environment) */
    TokenSources(TokenOptions options, Predicate<String> typed, Environment env, Optional<StateFile> state) {
        this.options = options;
        this.typed = typed;
        this.env = env;
        this.cognito = state.flatMap(StateFile::cognitoSettings);
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** True when a flag asks for a bearer token; that overrides what the state file says about the runtime. */
    boolean requestedByFlag() {
        return typed.test("--token") || typed.test("--client-secret") || typed.test("--username")
                || typed.test("--refresh-token");
    }

    /** True when the user asked for a bearer token in any way (flags or environment). */
    boolean requested() {
        return given(options.token).isPresent() || given(options.clientSecret).isPresent()
                || given(options.username).isPresent() || given(options.refreshToken).isPresent();
    }

    /**
     * @param runtimeRegion the fallback region for InitiateAuth
     * @param why           what needs the token, for the error when none can be had
     */
    TokenSource resolve(String runtimeRegion, Duration timeout, String why) {
        Optional<String> token = given(options.token);
        if (token.isPresent()) {
            return TokenSource.fixed(token.get(), typed.test("--token") ? "--token" : "AGENTCORE_BEARER_TOKEN");
        }
        Optional<String> clientId = given(options.clientId).or(() -> cognito.map(CognitoSettings::clientId));
        Optional<String> secret = given(options.clientSecret);
        Optional<String> username = given(options.username);
        Optional<String> refresh = given(options.refreshToken);
        try {
            if (username.isPresent() || refresh.isPresent()) {
                CognitoUserPassword.Builder signIn = CognitoUserPassword.builder(cognitoClient(runtimeRegion),
                        clientId.orElse("")).clock(env.clock());
                secret.ifPresent(signIn::clientSecret);
                username.ifPresent(signIn::username);
                given(options.password).ifPresent(signIn::password);
                refresh.ifPresent(signIn::refreshToken);
                return new CachingTokenSource(signIn.build(), env.clock(), CachingTokenSource.DEFAULT_MARGIN);
            }
            if (secret.isPresent()) {
                String domain = given(options.cognitoDomain).or(() -> cognito.map(CognitoSettings::domain)).orElse("");
                List<String> scopes = !options.scopes.isEmpty() ? options.scopes : cognito.map(CognitoSettings::scopes).orElse(List.of());
                return new CachingTokenSource(new CognitoClientCredentials(domain, clientId.orElse(""), secret.get(), scopes,
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
