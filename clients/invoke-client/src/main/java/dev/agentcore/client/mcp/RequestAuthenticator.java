package dev.agentcore.client.mcp;

import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.TokenException;
import dev.agentcore.client.auth.TokenSource;
import dev.agentcore.client.invoke.AuthMode;
import java.util.Locale;
import java.util.Objects;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/** Adds authentication to each HTTP request the MCP SDK sends: a bearer token, a SigV4 signature, or nothing. */
public interface RequestAuthenticator {

    AuthMode mode();

    /** The token sent, for the diagnosis; empty for SigV4 and for unauthenticated local calls. */
    Optional<BearerToken> token() throws TokenException;

    void authenticate(HttpRequest.Builder request, String method, URI uri, String body) throws TokenException;

    /** {@code Authorization: Bearer} from the token source. */
    static RequestAuthenticator bearer(TokenSource tokens) {
        Objects.requireNonNull(tokens, "tokens; for no authentication use none()");
        return new RequestAuthenticator() {
            @Override
            public AuthMode mode() {
                return AuthMode.BEARER;
            }

            @Override
            public Optional<BearerToken> token() throws TokenException {
                return Optional.of(tokens.token());
            }

            @Override
            public void authenticate(HttpRequest.Builder request, String method, URI uri, String body) throws TokenException {
                request.setHeader("Authorization", "Bearer " + tokens.token().value());
            }
        };
    }

    /** No authentication: for a runtime container running locally. */
    static RequestAuthenticator none() {
        return new RequestAuthenticator() {
            @Override
            public AuthMode mode() {
                return AuthMode.NONE;
            }

            @Override
            public Optional<BearerToken> token() {
                return Optional.empty();
            }

            @Override
            public void authenticate(HttpRequest.Builder request, String method, URI uri, String body) {
                // a local container has no authorizer in front of it
            }
        };
    }

    /** SigV4 with the AWS SDK's signer, service {@code bedrock-agentcore}, as the SDK itself would sign InvokeAgentRuntime. */
    static RequestAuthenticator sigV4(AwsCredentialsProvider credentials, String region) {
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        Set<String> restricted = Set.of("host", "content-length", "connection", "expect", "upgrade");
        return new RequestAuthenticator() {
            @Override
            public AuthMode mode() {
                return AuthMode.SIGV4;
            }

            @Override
            public Optional<BearerToken> token() {
                return Optional.empty();
            }

            @Override
            public void authenticate(HttpRequest.Builder request, String method, URI uri, String body) {
                SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method)).build();
                SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                        .request(unsigned)
                        .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock-agentcore")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
                signed.request().headers().forEach((name, values) -> {
                    if (!restricted.contains(name.toLowerCase(Locale.ROOT))) {
                        request.setHeader(name, values.getFirst());
                    }
                });
            }
        };
    }
}
