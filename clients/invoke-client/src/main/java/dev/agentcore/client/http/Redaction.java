package dev.agentcore.client.http;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows secrets by their first characters only, so a report can be pasted into a ticket. {@link #text} finds them in
 * any text (a server may echo a header in its error body); {@link #headerValue} knows them by the header's name.
 */
public final class Redaction {

    private static final int SHOWN = 8;
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "x-amz-security-token", "workloadaccesstoken", "cookie", "set-cookie");
    // Custom headers (X-Amzn-Bedrock-AgentCore-Runtime-Custom-*) carry whatever the caller forwards to the agent;
    // those named like a credential are hidden as well.
    private static final String CUSTOM_PREFIX = "x-amzn-bedrock-agentcore-runtime-custom-";
    private static final Pattern SECRET_NAME =
            Pattern.compile("auth|token|secret|password|passwd|api-?key|cookie|credential|signature");
    private static final Pattern SIGV4 = Pattern.compile("Credential=([A-Z0-9]{4})[A-Z0-9]*/|Signature=([0-9a-f]{6})[0-9a-f]*");

    /**
     * One pass, so nothing is cut twice: a JWT (or a five-part JWE, as Cognito's refresh tokens are); a Bearer or
     * Basic credential; a SigV4 signature or access key id; the value of a key that names a secret (JSON, form
     * fields, query strings: client_secret, password, access_token, X-Amz-Security-Token, ...). A value already cut
     * (followed by '…') is left alone, also in the form a byte stream read one char a byte gives it
     * ({@link #CUT_AS_BYTES}, as {@code RedactingOutputStream} reads).
     */
    private static final String CUT_AS_BYTES = "\u00e2\u0080\u00a6";
    private static final String NOT_CUT = "(?!…|" + CUT_AS_BYTES + ")";
    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<jwt>eyJ[A-Za-z0-9_-]{2,}+(?:\\.[A-Za-z0-9_-]*+){2,4}+)" + NOT_CUT
                    + "|(?<scheme>\\b(?i:bearer|basic)\\s+)(?<credential>[A-Za-z0-9._~+/=-]{8,}+)" + NOT_CUT
                    + "|Credential=(?<keyId>[A-Z0-9]{4})[A-Z0-9]{8,}+/"
                    + "|Signature=(?<signature>[0-9a-f]{6})[0-9a-f]{10,}+"
                    + "|(?<key>(?<![A-Za-z0-9])[\"']?(?i:client[_-]?secret|password|passwd|secret[_-]?hash"
                    + "|(?:aws[_-]?)?secret[_-]?access[_-]?key|(?:x-amz-)?security[_-]?token|session[_-]?token"
                    + "|(?:access|refresh|id)[_-]?token|api[_-]?key|secret)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "(?<value>[^\\s\"'&,;}\\]…\u00e2]{4,}+)" + NOT_CUT);

    private Redaction() {
    }

    /** {@code text} with every secret {@link #IN_TEXT} recognises cut to its first characters. */
    public static String text(String text) {
        return text(text, java.util.List.of());
    }

    /**
     * {@code text} with the {@code known} secret values (the ones this process was given: a client secret, a
     * password) cut wherever they appear, then every secret {@link #IN_TEXT} recognises.
     */
    public static String text(String text, java.util.Collection<String> known) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : known) {
            if (secret != null && secret.length() >= MIN_KNOWN && out.contains(secret)) {
                out = out.replace(secret, secret(secret));
            }
        }
        Matcher m = IN_TEXT.matcher(out);
        if (!m.find()) {
            return out;
        }
        StringBuilder redacted = new StringBuilder(out.length());
        do {
            m.appendReplacement(redacted, Matcher.quoteReplacement(cut(m)));
        } while (m.find());
        m.appendTail(redacted);
        return redacted.toString();
    }

    /** Known secrets shorter than this are not searched for: "abc" would cut ordinary words. */
    public static final int MIN_KNOWN = 6;

    private static String cut(Matcher m) {
        if (m.group("jwt") != null) {
            return secret(m.group("jwt"));
        }
        if (m.group("scheme") != null) {
            return m.group("scheme") + secret(m.group("credential"));
        }
        if (m.group("keyId") != null) {
            return "Credential=" + m.group("keyId") + "…/";
        }
        if (m.group("signature") != null) {
            return "Signature=" + m.group("signature") + "…";
        }
        return m.group("key") + secret(m.group("value"));
    }

    /** {@code eyJraWQi…(812 chars)}; short values are hidden completely. */
    public static String secret(String value) {
        if (value == null || value.isEmpty()) {
            return "(empty)";
        }
        if (value.length() <= 2 * SHOWN) {
            return "…(" + value.length() + " chars)";
        }
        return value.substring(0, SHOWN) + "…(" + value.length() + " chars)";
    }

    /** A header value as it may be printed: tokens, signatures and session tokens cut to their first characters. */
    public static String headerValue(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!isSecret(lower)) {
            return value;
        }
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "Bearer " + secret(value.substring(7).strip());
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "Basic " + secret(value.substring(6).strip());
        }
        if (lower.equals("authorization") && value.startsWith("AWS4-HMAC-SHA256")) {
            return sigV4(value);
        }
        return secret(value);
    }

    private static boolean isSecret(String lowerName) {
        return SECRET_HEADERS.contains(lowerName)
                || lowerName.startsWith(CUSTOM_PREFIX) && SECRET_NAME.matcher(lowerName.substring(CUSTOM_PREFIX.length())).find();
    }

    private static String sigV4(String value) {
        Matcher m = SIGV4.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null ? "Credential=" + m.group(1) + "…/" : "Signature=" + m.group(2) + "…";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
