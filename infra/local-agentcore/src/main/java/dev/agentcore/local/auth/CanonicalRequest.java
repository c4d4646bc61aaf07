package dev.agentcore.local.auth;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SigV4's canonical request, rebuilt from what arrived on the wire, as AWS's front door rebuilds it for every service
 * but S3 (the IAM user guide's "Create a canonical request"; the rules below are the ones the AWS SDK for Java v2 and
 * botocore sign with):
 *
 * <pre>
 * METHOD \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 * </pre>
 *
 * <ul>
 *   <li>the URI is the path as sent (already percent-encoded once), dot segments removed, then percent-encoded
 *       <em>again</em> (non-S3 services double-encode: {@code %3A} becomes {@code %253A});</li>
 *   <li>the query's names and values are decoded, re-encoded with the unreserved set {@code A-Za-z0-9-_.~}, and sorted
 *       by name then value; a presigned URL's {@code X-Amz-Signature} is left out;</li>
 *   <li>each signed header is {@code name:value}, the values trimmed, inner runs of white space collapsed to one
 *       space, repeated headers joined by commas;</li>
 *   <li>the payload hash is the hex SHA-256 of the body.</li>
 * </ul>
 *
 * @param method         the HTTP method, as sent
 * @param uri            the canonical URI
 * @param query          the canonical query string
 * @param headers        the canonical headers, each line ending in a newline
 * @param signedHeaders  the signed headers' names, lower case, {@code ;}-separated, as the client listed them
 * @param payloadHash    hex SHA-256 of the body
 */
record CanonicalRequest(String method, String uri, String query, String headers, String signedHeaders,
                        String payloadHash) {

    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    /** The text whose SHA-256 the string to sign carries. */
    String text() {
        return method + "\n" + uri + "\n" + query + "\n" + headers + "\n" + signedHeaders + "\n" + payloadHash;
    }

    /**
     * The canonical request of {@code message}, covering {@code signedHeaders} (lower case, in the order the client
     * listed them), leaving out the query parameters named in {@code unsignedQuery}.
     */
    static CanonicalRequest of(SignedMessage message, List<String> signedHeaders, Set<String> unsignedQuery) {
        return new CanonicalRequest(message.method(), uri(message.rawPath()), query(message.rawQuery(), unsignedQuery),
                headers(message.headers(), signedHeaders), String.join(";", signedHeaders),
                hex(sha256(message.body())));
    }

    /**
     * The path once more percent-encoded after {@link URI#normalize()} removed its dot segments, as the SDKs sign it.
     * Normalizing can leave a trailing slash the path did not have ({@code /a/b/.}); it goes, as the SDK drops it.
     */
    static String uri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String normalized;
        try {
            // Behind a scheme and host, so that a path starting with // stays a path.
            normalized = URI.create("http://host" + rawPath).normalize().getRawPath();
        } catch (IllegalArgumentException notAUri) {
            normalized = rawPath; // the server parsed it as a URI already; if ours cannot, sign what arrived
        }
        if (normalized == null || normalized.isEmpty()) {
            return "/";
        }
        String encoded = encode(normalized.getBytes(StandardCharsets.UTF_8), true);
        if (!encoded.startsWith("/")) {
            encoded = "/" + encoded;
        }
        if (encoded.length() > 1 && encoded.endsWith("/") && !rawPath.endsWith("/")) {
            encoded = encoded.substring(0, encoded.length() - 1);
        }
        return encoded;
    }

    /** Names and values decoded, re-encoded, sorted by name then value; empty names are not signed (as the SDK). */
    static String query(String rawQuery, Set<String> unsigned) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            byte[] name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.length == 0 || unsigned.contains(new String(name, StandardCharsets.UTF_8))) {
                continue;
            }
            byte[] value = eq < 0 ? new byte[0] : decode(pair.substring(eq + 1));
            pairs.add(new String[] {encode(name, false), encode(value, false)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    /** {@code name:value\n} per signed header; a signed header the request lacks signs as {@code name:}. */
    static String headers(Map<String, List<String>> headers, List<String> signed) {
        StringBuilder out = new StringBuilder();
        for (String name : signed) {
            out.append(name).append(':');
            List<String> values = valuesOf(headers, name);
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(collapse(values.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static List<String> valuesOf(Map<String, List<String>> headers, String lowerCaseName) {
        List<String> values = new ArrayList<>();
        headers.forEach((name, list) -> {
            if (name.toLowerCase(Locale.ROOT).equals(lowerCaseName) && list != null) {
                values.addAll(list);
            }
        });
        return values;
    }

    /** Leading and trailing white space removed, inner runs made one space. */
    static String collapse(String value) {
        return value.strip().replaceAll("[ \\t\\n\\x0B\\r\\f]+", " ");
    }

    /** Percent-encodes all but {@code A-Za-z0-9-_.~} (and {@code /} when {@code keepSlash}), upper-case hex. */
    static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(UPPER_HEX.toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    /**
     * Percent-decoding to bytes, leniently: a {@code %} not followed by two hex digits stays as it is. {@code +} stays a
     * plus: the SDKs send a space as {@code %20}.
     */
    static byte[] decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(HexFormat.fromHexDigits(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII)));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
