package dev.agentcore.local.auth;

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
import java.util.Optional;
import java.util.regex.Pattern;

import dev.agentcore.local.http.AwsError;
import dev.agentcore.local.http.Handler;
import dev.agentcore.local.http.Request;

/**
 * Checks that a request is SigV4-signed for this service and region, as AWS's front door does before any operation
 * runs, and answers as it does when it is not.
 *
 * <p>What is checked today is the signature's <em>shape</em>: the algorithm, the credential scope (date, region,
 * service, {@code aws4_request}), the signed headers ({@code host} among them), a 64-hex-digit signature, and an
 * {@code X-Amz-Date} within 15 minutes of now. Any access key is accepted and the signature is not recomputed:
 * verifying it needs the secret key, which lives in the local AWS (moto's IAM), a later step.
 *
 * <p>The error types and messages are AWS's own, as its SigV4 front door writes them for every service.
 */
public final class SigV4Authenticator {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** How far {@code X-Amz-Date} may be from the server's clock, as AWS allows. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final Pattern HEX_SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SCOPE_DATE = Pattern.compile("\\d{8}");

    private final String region;
    private final String service;
    private final InstantSource clock;

    public SigV4Authenticator(String region, String service, InstantSource clock) {
        this.region = region;
        this.service = service;
        this.clock = clock;
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
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent()) {
            return fromHeader(authorization.get().strip(), request);
        }
        if (request.query("X-Amz-Algorithm").isPresent()) {
            return fromQuery(request);
        }
        throw missingToken();
    }

    private SigV4Request fromHeader(String authorization, Request request) {
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
        Optional<String> date = request.header("X-Amz-Date");
        if (!ALGORITHM.equals(algorithm)) {
            // AWS answers an Authorization header that is not SigV4 (a bearer token sent to a SigV4 API, say) as
            // an incomplete signature; it echoes the header, which we do not: it may carry a secret.
            throw incomplete(missingParts(Map.of(), date.isPresent()));
        }
        List<String> missing = missingParts(parts, date.isPresent() || request.header("Date").isPresent());
        if (!missing.isEmpty()) {
            throw incomplete(missing);
        }
        return check(parts.get("Credential"), parts.get("SignedHeaders"), parts.get("Signature"),
                date.orElse(null), request.header("X-Amz-Security-Token"));
    }

    private SigV4Request fromQuery(Request request) {
        String algorithm = request.query("X-Amz-Algorithm").orElse("");
        if (!ALGORITHM.equals(algorithm)) {
            throw AwsError.of(403, "IncompleteSignatureException",
                    "X-Amz-Algorithm only supports \"" + ALGORITHM + "\"").exception();
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature", "X-Amz-Date")) {
            if (request.query(name).isEmpty()) {
                missing.add("AWS query-string parameters must include '" + name + "'.");
            }
        }
        if (!missing.isEmpty()) {
            throw AwsError.of(403, "IncompleteSignatureException", String.join(" ", missing) + " Re-examine the query-string parameters.").exception();
        }
        return check(request.query("X-Amz-Credential").get(), request.query("X-Amz-SignedHeaders").get(),
                request.query("X-Amz-Signature").get(), request.query("X-Amz-Date").get(),
                request.query("X-Amz-Security-Token"));
    }

    private SigV4Request check(String credential, String signedHeaders, String signature, String amzDate,
                               Optional<String> sessionToken) {
        String[] scope = credential.split("/", -1);
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
        List<String> headers = Arrays.asList(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        if (!headers.contains("host")) {
            throw AwsError.of(403, "InvalidSignatureException",
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.").exception();
        }
        if (!HEX_SIGNATURE.matcher(signature).matches()) {
            throw AwsError.of(403, "InvalidSignatureException",
                    "The request signature we calculated does not match the signature you provided. Check your AWS"
                            + " Secret Access Key and signing method. Consult the service documentation for details.")
                    .exception();
        }
        Instant signedAt = parseDate(amzDate);
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            throw AwsError.of(403, "InvalidSignatureException", "Date in Credential scope does not match YYYYMMDD from"
                    + " ISO-8601 version of date from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.").exception();
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw AwsError.of(403, "InvalidSignatureException", "Signature expired: " + amzDate
                    + " is now earlier than " + format(now.minus(MAX_SKEW)) + " (" + format(now) + " - 15 min.)")
                    .exception();
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw AwsError.of(403, "InvalidSignatureException", "Signature not yet current: " + amzDate
                    + " is still later than " + format(now.plus(MAX_SKEW)) + " (" + format(now) + " + 15 min.)")
                    .exception();
        }
        return new SigV4Request(scope[0], signedAt, scope[2], scope[3], headers, signature, sessionToken);
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

    /** What AWS answers a request with no signature at all. */
    public static RuntimeException missingToken() {
        return AwsError.of(403, "MissingAuthenticationTokenException", "Missing Authentication Token").exception();
    }
}
