package dev.agentcore.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.AwsErrorException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;

/** Signatures made by the AWS SDK for Java's SigV4 signer, recomputed and checked as AWS's front door does. */
class SigV4VerificationTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final PrincipalArn ALICE = PrincipalArn.parse("arn:aws:iam::123456789012:user/dev/alice").orElseThrow();
    static final PrincipalArn SESSION = PrincipalArn.assumedRole("arn:aws:iam::123456789012:role/caller", "s1");
    static final String TOKEN = "FQoGZXIvYXdzEBYaDjJmIr3TCPSuhp6wie4Z3uwza+o3o6PU8XmeXld5PE7B62olGt/sztJ==";

    static final AwsBasicCredentials ALICE_KEY = AwsBasicCredentials.create("AKIAALICE000000000001",
            "alice/secret+key/0123456789abcdefghijklmn");
    static final AwsSessionCredentials SESSION_KEY = AwsSessionCredentials.create("ASIASESSION0000000001",
            "session/secret+key/0123456789abcdefghijk", TOKEN);

    static final String RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345";
    /** The ARN as the SDKs put it in the path: one label, ':' and '/' percent-encoded. */
    static final URI INVOKE = URI.create("http://127.0.0.1:8080/runtimes/"
            + "arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fhello_agent-AbCdE12345"
            + "/invocations?qualifier=DEFAULT");

    final InMemoryCredentialsDirectory directory = new InMemoryCredentialsDirectory()
            .register(SigningCredentials.longTerm(ALICE_KEY.accessKeyId(), ALICE_KEY.secretAccessKey(), ALICE))
            .register(SigningCredentials.session(SESSION_KEY.accessKeyId(), SESSION_KEY.secretAccessKey(), TOKEN,
                    SESSION, Optional.of(NOW.plus(Duration.ofHours(1)))));
    final SigV4Authenticator verifying = SigV4Authenticator.builder(SdkSigner.REGION, SdkSigner.SERVICE)
            .clock(CLOCK).credentials(directory).build();

    static SdkSigner.Signed invoke(software.amazon.awssdk.identity.spi.AwsCredentialsIdentity key, String body) {
        return SdkSigner.sign(key, "POST", INVOKE, Map.of("Content-Type", "application/json",
                "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "0123456789012345678901234567890123456"), body, CLOCK);
    }

    AwsError refusal(SdkSigner.Signed request) {
        return catchThrowableOfType(AwsErrorException.class, () -> verifying.authenticate(request.message())).error();
    }

    @Test
    void aSignatureByTheSdkSignerIsAcceptedAndNamesItsSigner() {
        SigV4Request signer = verifying.authenticate(invoke(ALICE_KEY, "{\"prompt\":\"hi\"}").message());
        assertThat(signer.verified()).isTrue();
        assertThat(signer.principal()).contains(ALICE);
        assertThat(signer.accessKeyId()).isEqualTo(ALICE_KEY.accessKeyId());
        assertThat(signer.signedHeaders()).contains("host", "x-amz-date", "content-type",
                "x-amzn-bedrock-agentcore-runtime-session-id");
    }

    @Test
    void sessionCredentialsNeedTheirToken() {
        SdkSigner.Signed signed = invoke(SESSION_KEY, "{}");
        assertThat(verifying.authenticate(signed.message()).principal()).contains(SESSION);

        AwsError noToken = refusal(signed.withHeader("X-Amz-Security-Token", ""));
        assertThat(noToken.type()).isEqualTo("UnrecognizedClientException");
        AwsError otherToken = refusal(signed.withHeader("X-Amz-Security-Token", TOKEN.replace('F', 'G')));
        assertThat(otherToken.status()).isEqualTo(403);
        assertThat(otherToken.type()).isEqualTo("UnrecognizedClientException");
        assertThat(otherToken.message()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void aLongTermKeyWithATokenIsNotRecognized() {
        var withToken = AwsSessionCredentials.create(ALICE_KEY.accessKeyId(), ALICE_KEY.secretAccessKey(), TOKEN);
        assertThat(refusal(invoke(withToken, "{}")).type()).isEqualTo("UnrecognizedClientException");
    }

    @Test
    void expiredSessionCredentialsAreRefusedAsExpired() {
        directory.register(SigningCredentials.session("ASIAEXPIRED000000001", "s", "t", SESSION,
                Optional.of(NOW.minusSeconds(1))));
        AwsError error = refusal(invoke(AwsSessionCredentials.create("ASIAEXPIRED000000001", "s", "t"), "{}"));
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.type()).isEqualTo("ExpiredTokenException");
        assertThat(error.message()).isEqualTo("The security token included in the request is expired");
    }

    @Test
    void queryStringsAreCanonicalized() {
        URI uri = URI.create("http://127.0.0.1:8080/runtimes/x/invocations?qualifier=DEFAULT&b=x%20y%2Bz&a=2&a=1&c=%E2%9C%93&d=");
        SdkSigner.Signed signed = SdkSigner.sign(ALICE_KEY, "POST", uri, Map.of(), "", CLOCK);
        assertThat(verifying.authenticate(signed.message()).principal()).contains(ALICE);
        // Another value for a signed parameter is another request.
        AwsError error = refusal(signed.withUri(URI.create(uri.toString().replace("a=2", "a=3"))));
        assertThat(error.type()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void nonAsciiAndReservedPathSegmentsAreDoubleEncoded() {
        URI uri = URI.create("http://127.0.0.1:8080/runtimes/caf%C3%A9%20%2A%7E/./invocations");
        SdkSigner.Signed signed = SdkSigner.sign(ALICE_KEY, "GET", uri, Map.of(), "", CLOCK);
        assertThat(verifying.authenticate(signed.message()).principal()).contains(ALICE);

        // What the canonical request says the path is: the SDK's double encoding, dot segment gone.
        assertThat(CanonicalRequest.uri("/runtimes/caf%C3%A9%20%2A%7E/./invocations"))
                .isEqualTo("/runtimes/caf%25C3%25A9%2520%252A%257E/invocations");
        assertThat(CanonicalRequest.uri("/runtimes/")).isEqualTo("/runtimes/");
        assertThat(CanonicalRequest.uri("")).isEqualTo("/");
    }

    @Test
    void aWrongSecretDoesNotMatch() {
        var wrong = AwsBasicCredentials.create(ALICE_KEY.accessKeyId(), "not/alice/secret");
        AwsError error = refusal(invoke(wrong, "{}"));
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.type()).isEqualTo("InvalidSignatureException");
        assertThat(error.message()).startsWith(SigV4Authenticator.SIGNATURE_MISMATCH
                + "\n\nThe Canonical String for this request should have been\n'POST\n/runtimes/arn%253Aaws%253Abedrock-agentcore"
                + "%253Aus-east-1%253A123456789012%253Aruntime%252Fhello_agent-AbCdE12345/invocations\nqualifier=DEFAULT\n")
                .contains("\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260601T120000Z\n"
                        + "20260601/us-east-1/bedrock-agentcore/aws4_request\n")
                .endsWith("'\n");
    }

    @Test
    void aTamperedBodyOrHeaderDoesNotMatch() {
        SdkSigner.Signed signed = invoke(ALICE_KEY, "{\"prompt\":\"hi\"}");
        AwsError body = refusal(signed.withBody("{\"prompt\":\"rm -rf\"}"));
        assertThat(body.type()).isEqualTo("InvalidSignatureException");
        assertThat(body.message()).startsWith(SigV4Authenticator.SIGNATURE_MISMATCH);

        AwsError header = refusal(signed.withHeader("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id",
                "another-session-id-0000000000000000000"));
        assertThat(header.type()).isEqualTo("InvalidSignatureException");
        assertThat(header.message()).contains("x-amzn-bedrock-agentcore-runtime-session-id:another-session-id");

        // A header the signature does not cover may change (the SDK leaves user-agent out).
        assertThat(verifying.authenticate(signed.withHeader("User-Agent", "curl/8").message()).verified()).isTrue();
    }

    @Test
    void theSessionTokenIsNotPrintedWholeInAMismatch() {
        AwsError error = refusal(invoke(SESSION_KEY, "{}").withBody("{\"changed\":1}"));
        assertThat(error.type()).isEqualTo("InvalidSignatureException");
        assertThat(error.message()).contains("x-amz-security-token:FQoGZXIv...(" + TOKEN.length() + " characters)")
                .doesNotContain(TOKEN);
    }

    @Test
    void anUnknownKeyIsAnUnrecognizedClient() {
        AwsError error = refusal(invoke(AwsBasicCredentials.create("AKIANOBODY0000000000", "x"), "{}"));
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.type()).isEqualTo("UnrecognizedClientException");
        assertThat(error.message()).isEqualTo("The security token included in the request is invalid.");
    }

    @Test
    void anOldSignatureHasExpired() {
        Clock sixMinutesAgo = Clock.fixed(NOW.minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        var old = SdkSigner.sign(ALICE_KEY, "POST", INVOKE, Map.of(), "{}", sixMinutesAgo);
        AwsError error = refusal(old);
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.type()).isEqualTo("InvalidSignatureException");
        assertThat(error.message()).isEqualTo("Signature expired: 20260601T115400Z is now earlier than 20260601T115500Z"
                + " (20260601T120000Z - 5 min.)");

        var fourMinutesAgo = SdkSigner.sign(ALICE_KEY, "POST", INVOKE, Map.of(), "{}",
                Clock.fixed(NOW.minus(Duration.ofMinutes(4)), ZoneOffset.UTC));
        assertThat(verifying.authenticate(fourMinutesAgo.message()).verified()).isTrue();
    }

    @Test
    void presignedUrlsAreVerifiedUntilTheyExpire() {
        URI ws = URI.create(INVOKE.toString().replace("/invocations", "/ws"));
        var presigned = SdkSigner.presign(SESSION_KEY, ws, Duration.ofSeconds(300),
                Clock.fixed(NOW.minusSeconds(200), ZoneOffset.UTC));
        assertThat(presigned.uri().getRawQuery()).contains("X-Amz-Signature=", "X-Amz-Security-Token=");
        assertThat(verifying.authenticate(presigned.message()).principal()).contains(SESSION);

        var expired = SdkSigner.presign(SESSION_KEY, ws, Duration.ofSeconds(300),
                Clock.fixed(NOW.minusSeconds(301), ZoneOffset.UTC));
        assertThat(refusal(expired).message()).startsWith("Signature expired: ").endsWith(" - 5 min.)");

        var tampered = presigned.withUri(URI.create(presigned.uri().toString().replace("qualifier=DEFAULT", "qualifier=v2")));
        assertThat(refusal(tampered).type()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void anUnsignedPayloadIsNotAcceptedByBedrockAgentCore() {
        // Over HTTPS the SDK can skip payload signing; no bedrock-agentcore operation is modelled unsigned.
        URI https = URI.create(INVOKE.toString().replace("http://", "https://"));
        var unsigned = SdkSigner.sign(ALICE_KEY, "POST", https, Map.of(), "{}", CLOCK,
                r -> r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        assertThat(unsigned.headers().get("x-amz-content-sha256")).containsExactly("UNSIGNED-PAYLOAD");
        assertThat(refusal(unsigned).type()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void shapeOnlyAcceptsAnyKeyAndNamesNobody() {
        var shapeOnly = new SigV4Authenticator(SdkSigner.REGION, SdkSigner.SERVICE, CLOCK);
        assertThat(shapeOnly.verifiesSignatures()).isFalse();
        SigV4Request request = shapeOnly.authenticate(invoke(AwsBasicCredentials.create("AKIANOBODY0000000000", "x"), "{}")
                .message());
        assertThat(request.verified()).isFalse();
        assertThat(request.principal()).isEmpty();
        assertThat(verifying.verifiesSignatures()).isTrue();
    }

    @Test
    void theSigningKeyIsTheDocumentedDerivation() {
        // The IAM user guide's worked example: secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20120215, us-east-1, iam.
        assertThat(CanonicalRequest.hex(SigV4Authenticator.signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                "20120215", "us-east-1", "iam")))
                .isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }
}
