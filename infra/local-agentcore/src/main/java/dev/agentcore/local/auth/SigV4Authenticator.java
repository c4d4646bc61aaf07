package dev.agentcore.local.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.Handler;
import dev.agentcore.local.http.Request;

/**
 * Checks that a request is SigV4-signed for this service and region, as AWS's front door does before any operation
 * runs, and answers as it does when it is not.
 *
 * <p>Two modes:
 * <ul>
 *   <li><b>verifying</b> ({@link #builder} with a {@link CredentialsDirectory}): the signature is recomputed from the
 *       request (canonical request, string to sign, signing key from the key's secret, date, region and service) and
 *       compared in constant time; the key must be known and come with its session token when it has one. The
 *       answer names the principal that signed.</li>
 *   <li><b>shape only</b> (the three-argument constructor): the algorithm, the credential scope, the signed headers
 *       ({@code host} among them), a 64-hex-digit signature and the date are checked; any access key is accepted and
 *       the signature is not recomputed. It proves a client signs for the right service and region, not who it is.</li>
 * </ul>
 *
 * <p>Both accept the {@code Authorization} header and presigned URLs ({@code X-Amz-*} query parameters, as AgentCore's
 * WebSocket clients send). The payload hash is always the body's SHA-256: {@code UNSIGNED-PAYLOAD} and the
 * {@code STREAMING-*} markers are S3's and of operations modelled as unsigned, and no bedrock-agentcore operation is,
 * so a request signed with them does not match.
 *
 * <p>The error types and messages are AWS's own as its restJson1 front door writes them (403, {@code x-amzn-ErrorType});
 * each says where its text comes from.
 */
public final class SigV4Authenticator {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /**
     * How far {@code X-Amz-Date} may be from the server's clock: five minutes, as the IAM user guide says and as
     * Bedrock answers ({@code ... (20250130T204631Z - 5 min.)}, anthropics/anthropic-sdk-go#122).
     */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    /** The longest a presigned URL may live: SigV4's seven days. */
    public static final Duration MAX_PRESIGNED_LIFETIME = Duration.ofDays(7);

    /** AWS's text for a signature that does not match; its front door adds the canonical request it computed. */
    public static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature"
            + " you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.";

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final Pattern HEX_SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SCOPE_DATE = Pattern.compile("\\d{8}");
    private static final Set<String> PRESIGNED_SIGNATURE = Set.of("X-Amz-Signature");

    private final String region;
    private final String service;
    private final InstantSource clock;
    /** Null: shape only. */
    private final CredentialsDirectory credentials;

    /**
     * Shape only: checks the signature's form, accepts any access key and does not recompute the signature. Use
     * {@link #builder} with a {@link CredentialsDirectory} to verify signatures.
     */
    public SigV4Authenticator(String region, String service, InstantSource clock) {
        this(region, service, clock, null);
    }

    private SigV4Authenticator(String region, String service, InstantSource clock, CredentialsDirectory credentials) {
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.credentials = credentials;
    }

    /** An authenticator for {@code service} in {@code region}; give it {@link Builder#credentials} to verify. */
    public static Builder builder(String region, String service) {
        return new Builder(region, service);
    }

    /** Whether signatures are recomputed from the keys' secrets (false: shape only). */
    public boolean verifiesSignatures() {
        return credentials != null;
    }

    /** {@code handler}, run only for requests that pass {@link #authenticate}. */
    public Handler require(Handler handler) {
        return request -> {
            authenticate(request);
            return handler.handle(request);
        };
    }

    /** The signer of {@code request}; throws the AWS error the front door answers when it is not signed right. */
    public SigV4Request authenticate(Request request) {
        return authenticate(SignedMessage.of(request));
    }

    SigV4Request authenticate(SignedMessage message) {
        Optional<String> authorization = message.header("Authorization");
        Presented presented;
        if (authorization.isPresent()) {
            presented = fromHeader(authorization.get().strip(), message);
        } else if (message.query("X-Amz-Algorithm").isPresent()) {
            presented = fromQuery(message);
        } else {
            throw missingToken();
        }
        SigV4Request shape = checkShape(presented);
        if (credentials == null) {
            return shape;
        }
        SigningCredentials signer = verify(presented, message);
        return new SigV4Request(shape.accessKeyId(), shape.signedAt(), shape.region(), shape.service(),
                shape.signedHeaders(), shape.signature(), shape.sessionToken(), Optional.of(signer.principal()));
    }

    /** What the request presents: the header's or the query's parts, not yet checked. */
    private record Presented(String credential, String signedHeaders, String signature, String amzDate,
                             Optional<String> sessionToken, boolean presigned, Optional<String> expires) {
    }

    private static Presented fromHeader(String authorization, SignedMessage message) {
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        Map<String, String> parts = new LinkedHashMap<>();
        if (space > 0) {
            for (String part : authorization.substring(space + 1).split(",")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    parts.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        Optional<String> date = message.header("X-Amz-Date");
        if (!ALGORITHM.equals(algorithm)) {
            // AWS answers an Authorization header that is not SigV4 (a bearer token sent to a SigV4 API, say) as
            // an incomplete signature; it echoes the header, which we do not: it may carry a secret.
            throw incomplete(missingParts(Map.of(), date.isPresent()));
        }
        List<String> missing = missingParts(parts, date.isPresent() || message.header("Date").isPresent());
        if (!missing.isEmpty()) {
            throw incomplete(missing);
        }
        return new Presented(parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"),
                date.orElse(null), message.header("X-Amz-Security-Token"), false, Optional.empty());
    }

    private static Presented fromQuery(SignedMessage message) {
        String algorithm = message.query("X-Amz-Algorithm").orElse("");
        if (!ALGORITHM.equals(algorithm)) {
            throw AwsError.of(403, "IncompleteSignatureException",
                    "X-Amz-Algorithm only supports \"" + ALGORITHM + "\"").exception();
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Date")) {
            if (message.query(name).isEmpty()) {
                missing.add("AWS query-string parameters must include '" + name + "'.");
            }
        }
        if (!missing.isEmpty()) {
            throw AwsError.of(403, "IncompleteSignatureException", String.join(" ", missing)
                    + " Re-examine the query-string parameters.").exception();
        }
        return new Presented(message.query("X-Amz-Credential").get(), message.query("X-Amz-SignedHeaders").get(),
                message.query("X-Amz-Signature").get(), message.query("X-Amz-Date").get(),
                message.query("X-Amz-Security-Token"), true, message.query("X-Amz-Expires"));
    }

    private SigV4Request checkShape(Presented p) {
        String[] scope = p.credential().split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty() || !SCOPE_DATE.matcher(scope[1]).matches()
                || !"aws4_request".equals(scope[4])) {
            throw AwsError.of(403, "IncompleteSignatureException",
                    "Credential should be scoped to a valid region. Credential must have exactly 5 slash-delimited"
                            + " elements, e.g. keyid/date/region/service/term").exception();
        }
        if (!scope[2].equals(region)) {
            throw AwsError.of(403, "InvalidSignatureException",
                    "Credential should be scoped to a valid region, not '" + scope[2] + "'. ").exception();
        }
        if (!scope[3].equals(service)) {
            throw AwsError.of(403, "InvalidSignatureException",
                    "Credential should be scoped to correct service: '" + service + "'. ").exception();
        }
        List<String> headers = Arrays.asList(p.signedHeaders().toLowerCase(Locale.ROOT).split(";"));
        if (!headers.contains("host")) {
            throw AwsError.of(403, "InvalidSignatureException",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.").exception();
        }
        if (!HEX_SIGNATURE.matcher(p.signature()).matches()) {
            throw signatureMismatch(null);
        }
        String amzDate = p.amzDate();
        Instant signedAt = parseDate(amzDate);
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            throw AwsError.of(403, "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from"
                    + " ISO-8601 version of date from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.").exception();
        }
        Duration window = p.presigned() ? presignedLifetime(p.expires()) : MAX_SKEW;
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(window))) {
            // For a presigned URL the window is its X-Amz-Expires; AWS's text for that case is not on record, so it
            // is the header form's with that window.
            throw AwsError.of(403, "InvalidSignatureException", "Signature expired: " + amzDate
                    + " is now earlier than " + format(now.minus(window)) + " (" + format(now) + " - "
                    + describe(window) + ")").exception();
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw AwsError.of(403, "InvalidSignatureException", "Signature not yet current: " + amzDate
                    + " is still later than " + format(now.plus(MAX_SKEW)) + " (" + format(now) + " + "
                    + describe(MAX_SKEW) + ")").exception();
        }
        return new SigV4Request(scope[0], signedAt, scope[2], scope[3], headers, p.signature(), p.sessionToken());
    }

    /** The key's credentials, once its token and the recomputed signature match; else AWS's refusal. */
    private SigningCredentials verify(Presented p, SignedMessage message) {
        String[] scope = p.credential().split("/", -1);
        SigningCredentials signer = credentials.find(scope[0]).orElseThrow(SigV4Authenticator::invalidToken);
        // Temporary credentials need their token, and a long-term key must come without one; a token that is not the
        // key's is as unknown as an unknown key (AWS answers both alike).
        if (signer.sessionToken().isPresent() != p.sessionToken().isPresent()
                || (signer.sessionToken().isPresent() && !constantTimeEquals(signer.sessionToken().get(),
                        p.sessionToken().get()))) {
            throw invalidToken();
        }
        if (signer.expiration().filter(e -> !clock.instant().isBefore(e)).isPresent()) {
            // Lambda's restJson1 answer (cloudquery/cq-provider-aws#1171).
            throw AwsError.of(403, "ExpiredTokenException", "The security token included in the request is expired")
                    .exception();
        }
        List<String> signedHeaders = Arrays.asList(p.signedHeaders().toLowerCase(Locale.ROOT).split(";"));
        CanonicalRequest canonical = CanonicalRequest.of(message, signedHeaders,
                p.presigned() ? PRESIGNED_SIGNATURE : Set.of());
        String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String stringToSign = ALGORITHM + "\n" + p.amzDate() + "\n" + credentialScope + "\n"
                + CanonicalRequest.hex(CanonicalRequest.sha256(canonical.text().getBytes(StandardCharsets.UTF_8)));
        byte[] key = signingKey(signer.secretAccessKey(), scope[1], scope[2], scope[3]);
        String expected = CanonicalRequest.hex(hmac(key, stringToSign));
        if (!constantTimeEquals(expected, p.signature())) {
            String shown = p.sessionToken().map(token -> masked(canonical.text(), token)).orElse(canonical.text());
            throw signatureMismatch(new String[] {shown, stringToSign});
        }
        return signer;
    }

    /** SigV4's signing key: HMAC-SHA256 chained over the date, region, service and {@code aws4_request}. */
    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The canonical request as AWS shows it, but with the session token cut short: AWS prints it whole, our rule is
     * that no secret is.
     */
    private static String masked(String text, String token) {
        String shown = token.length() <= 8 ? "****" : token.substring(0, 8) + "...(" + token.length() + " characters)";
        return text.replace(token, shown)
                .replace(CanonicalRequest.encode(token.getBytes(StandardCharsets.UTF_8), false), shown);
    }

    private static Duration presignedLifetime(Optional<String> expires) {
        if (expires.isEmpty()) {
            return MAX_SKEW;
        }
        long seconds;
        try {
            seconds = Long.parseLong(expires.get());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > MAX_PRESIGNED_LIFETIME.toSeconds()) {
            // Not AWS's recorded text: S3's rule (1 second to 7 days) in our words.
            throw AwsError.of(403, "IncompleteSignatureException", "X-Amz-Expires must be a number of seconds from 1 to "
                    + MAX_PRESIGNED_LIFETIME.toSeconds() + ", not '" + expires.get() + "'.").exception();
        }
        return Duration.ofSeconds(seconds);
    }

    private static String describe(Duration window) {
        return window.toSecondsPart() == 0 ? window.toMinutes() + " min." : window.toSeconds() + " sec.";
    }

    private static Instant parseDate(String amzDate) {
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException e) {
            throw AwsError.of(403, "IncompleteSignatureException",
                    "Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See"
                            + " http://en.wikipedia.org/wiki/ISO_8601").exception();
        }
    }

    private static String format(Instant instant) {
        return AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static List<String> missingParts(Map<String, String> parts, boolean hasDate) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (!parts.containsKey(name)) {
                missing.add("Authorization header requires '" + name + "' parameter.");
            }
        }
        if (!hasDate) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return missing;
    }

    private static RuntimeException incomplete(List<String> missing) {
        return AwsError.of(403, "IncompleteSignatureException", String.join(" ", missing)).exception();
    }

    /**
     * AWS's answer to a signature that does not match, with the canonical request and string to sign it computed
     * (as Bedrock's and API Gateway's front doors write them: BerriAI/litellm#14763, aws/aws-sdk-js#2372). The type
     * is InvalidSignatureException, as JSON and restJson1 services name it (SignatureDoesNotMatch is the query and
     * XML services' name).
     */
    private static RuntimeException signatureMismatch(String[] canonicalAndStringToSign) {
        String message = SIGNATURE_MISMATCH;
        if (canonicalAndStringToSign != null) {
            message += "\n\nThe Canonical String for this request should have been\n'" + canonicalAndStringToSign[0]
                    + "'\n\nThe String-to-Sign should have been\n'" + canonicalAndStringToSign[1] + "'\n";
        }
        return AwsError.of(403, "InvalidSignatureException", message).exception();
    }

    /** What AWS answers an access key it does not know, or a session token that is not the key's. */
    private static RuntimeException invalidToken() {
        return AwsError.of(403, "UnrecognizedClientException", "The security token included in the request is invalid.")
                .exception();
    }

    /** What AWS answers a request with no signature at all. */
    public static RuntimeException missingToken() {
        return AwsError.of(403, "MissingAuthenticationTokenException", "Missing Authentication Token").exception();
    }

    /** Settings of a {@link SigV4Authenticator}; without {@link #credentials} it checks the shape only. */
    public static final class Builder {
        private final String region;
        private final String service;
        private InstantSource clock = InstantSource.system();
        private CredentialsDirectory credentials;

        private Builder(String region, String service) {
            this.region = region;
            this.service = service;
        }

        public Builder clock(InstantSource value) {
            this.clock = value;
            return this;
        }

        /** Where the keys' secrets come from: with it, signatures are recomputed and unknown keys refused. */
        public Builder credentials(CredentialsDirectory value) {
            this.credentials = Objects.requireNonNull(value, "credentials");
            return this;
        }

        public SigV4Authenticator build() {
            return new SigV4Authenticator(region, service, clock, credentials);
        }
    }
}
