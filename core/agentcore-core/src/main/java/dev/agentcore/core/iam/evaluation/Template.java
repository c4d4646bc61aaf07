package dev.agentcore.core.iam.evaluation;

import dev.agentcore.core.iam.WildcardPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A policy string with its policy variables parsed once: {@code ${aws:username}}, {@code ${aws:PrincipalTag/team,
 * 'company-wide'}} (a default, {@code ''} for a quote inside it) and the fixed {@code ${*}}, {@code ${?}},
 * {@code ${$}} (IAM User Guide, "IAM policy elements: Variables and tags"). Substituted values and the fixed
 * characters are literal text; only the policy's own {@code *} and {@code ?} are wildcards, and only when the operator
 * takes wildcards.
 */
final class Template {

    /** A variable with its key lower-cased for the lookup (keys are not case-sensitive), and its default or null. */
    record Variable(String key, String lowerKey, String defaultValue) {
    }

    private final String raw;
    /** {@link WildcardPattern} and {@link Variable} parts, in order; null when the template is constant. */
    private final Object[] parts;
    private final WildcardPattern constant;

    private Template(String raw, Object[] parts, WildcardPattern constant) {
        this.raw = raw;
        this.parts = parts;
        this.constant = constant;
    }

    /**
     * @param variables  false for policies without {@code "Version": "2012-10-17"}, where IAM reads {@code ${...}} as
     *                   literal text
     * @param wildcards  whether the policy's {@code *} and {@code ?} are wildcards (StringLike) or text (StringEquals)
     * @param malformed  told about a {@code ${} that does not close or has an unreadable default
     */
    static Template parse(String raw, boolean variables, boolean wildcards, Consumer<String> malformed) {
        List<Object> parts = new ArrayList<>();
        WildcardPattern.Builder text = new WildcardPattern.Builder();
        boolean hasText = false;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (variables && c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                int close = closingBrace(raw, i + 2);
                if (close < 0) {
                    malformed.accept("'" + raw + "' has a ${ without its closing }: read as text");
                    text.append(c, false);
                    hasText = true;
                    i++;
                    continue;
                }
                String inner = raw.substring(i + 2, close);
                if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
                    text.append(inner.charAt(0), false);
                    hasText = true;
                } else {
                    if (hasText) {
                        parts.add(text.build());
                        text = new WildcardPattern.Builder();
                        hasText = false;
                    }
                    parts.add(variable(inner, raw, malformed));
                }
                i = close + 1;
                continue;
            }
            text.append(c, wildcards && (c == '*' || c == '?'));
            hasText = true;
            i++;
        }
        if (parts.isEmpty()) {
            return new Template(raw, null, text.build());
        }
        if (hasText) {
            parts.add(text.build());
        }
        return new Template(raw, parts.toArray(), null);
    }

    /** A variable as written inside {@code ${...}}: a key, then optionally {@code , 'default'}. */
    private static Variable variable(String inner, String raw, Consumer<String> malformed) {
        int comma = inner.indexOf(',');
        String key = (comma < 0 ? inner : inner.substring(0, comma)).trim();
        String defaultValue = null;
        if (comma >= 0) {
            String rest = inner.substring(comma + 1).trim();
            if (rest.length() >= 2 && rest.charAt(0) == '\'' && rest.charAt(rest.length() - 1) == '\'') {
                defaultValue = rest.substring(1, rest.length() - 1).replace("''", "'");
            } else {
                malformed.accept("'" + raw + "': the default of ${" + key + "} must be in single quotes");
            }
        }
        if (key.isEmpty()) {
            malformed.accept("'" + raw + "' has an empty ${}");
        }
        // An empty key never has a value: the template then matches nothing unless it has a default.
        return new Variable(key, key.toLowerCase(Locale.ROOT), defaultValue);
    }

    /** The index of the brace closing a variable that starts at {@code from}, skipping quoted defaults. */
    private static int closingBrace(String raw, int from) {
        boolean quoted = false;
        for (int j = from; j < raw.length(); j++) {
            char c = raw.charAt(j);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return j;
            }
        }
        return -1;
    }

    String raw() {
        return raw;
    }

    boolean isConstant() {
        return constant != null;
    }

    /** The pattern when the template has no variables. */
    WildcardPattern constant() {
        return constant;
    }

    /**
     * The pattern with the request's values substituted, or null when a variable has no single value and no default:
     * IAM then treats the element as matching nothing (IAM User Guide, "Policy variables with no value").
     */
    WildcardPattern resolve(AuthorizationRequest request, Trace trace) {
        if (constant != null) {
            return constant;
        }
        WildcardPattern.Builder b = new WildcardPattern.Builder();
        for (Object part : parts) {
            if (part instanceof Variable v) {
                String value = v.lowerKey().isEmpty() ? null : request.singleValue(v.lowerKey());
                if (value == null) {
                    value = v.defaultValue();
                }
                if (value == null) {
                    trace.unresolved(v.key());
                    return null;
                }
                b.appendLiteral(value);
            } else {
                b.append((WildcardPattern) part);
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return raw;
    }
}
