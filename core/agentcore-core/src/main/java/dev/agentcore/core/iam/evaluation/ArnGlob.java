package dev.agentcore.core.iam.evaluation;

import dev.agentcore.core.iam.WildcardPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Resource element value, or an ARN condition value, matched as IAM matches ARNs: {@code *} alone matches
 * everything; otherwise each of the six colon-separated components is matched on its own, so a wildcard never reaches
 * across the colon between two components (the resource component keeps its own colons), exactly as
 * {@link dev.agentcore.core.iam.ArnPattern} does. One addition from the IAM User Guide ("IAM JSON policy elements:
 * Resource"): when the pattern stops before the sixth component and its last component ends with {@code *}, that
 * {@code *} "can expand to match beyond the colon boundaries", so {@code arn:aws:logs:*} covers every logs ARN.
 *
 * <p>A value that is not an ARN (a request for resource {@code *}) is matched against the whole pattern.
 */
final class ArnGlob {

    private final String raw;
    private final boolean everything;
    private final Template whole;
    private final Template[] components;
    private final boolean expandsLast;

    private ArnGlob(String raw, boolean everything, Template whole, Template[] components, boolean expandsLast) {
        this.raw = raw;
        this.everything = everything;
        this.whole = whole;
        this.components = components;
        this.expandsLast = expandsLast;
    }

    /**
     * @param variablesOnlyInResource true for the Resource element: IAM substitutes variables only after the fifth
     *                                colon ("Where you can use policy variables"); elsewhere they stay text
     */
    static ArnGlob parse(String raw, boolean variables, boolean variablesOnlyInResource, ProblemSink problems) {
        if (raw.equals("*")) {
            return new ArnGlob(raw, true, null, null, false);
        }
        Consumer<String> malformed = d -> problems.report(EvaluationNote.Kind.MALFORMED_VARIABLE, d);
        // The components report malformed variables; the whole (for values that are no ARN) would only repeat them.
        Template whole = Template.parse(raw, variables, true, d -> { });
        List<String> parts = split(raw, variables);
        Template[] components = new Template[parts.size()];
        for (int i = 0; i < components.length; i++) {
            String part = parts.get(i);
            boolean resourcePart = i == ArnText.COMPONENTS - 1;
            boolean substitute = variables && (resourcePart || !variablesOnlyInResource);
            if (variables && !substitute && part.contains("${")) {
                problems.report(EvaluationNote.Kind.VARIABLE_OUTSIDE_RESOURCE, "'" + raw
                        + "': IAM substitutes policy variables only in the resource part of an ARN, so '" + part
                        + "' is read as text");
            }
            components[i] = Template.parse(part, substitute, true, malformed);
        }
        String last = parts.getLast();
        boolean expandsLast = parts.size() < ArnText.COMPONENTS && last.endsWith("*") && !last.endsWith("${*}");
        return new ArnGlob(raw, false, whole, components, expandsLast);
    }

    /** Splits at the first five colons outside {@code ${...}} (variable names such as aws:username have colons). */
    private static List<String> split(String raw, boolean variables) {
        List<String> parts = new ArrayList<>(ArnText.COMPONENTS);
        int start = 0;
        int depth = 0;
        for (int i = 0; i < raw.length() && parts.size() < ArnText.COMPONENTS - 1; i++) {
            char c = raw.charAt(i);
            if (variables && c == '$' && i + 1 < raw.length() && raw.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                parts.add(raw.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(raw.substring(start));
        return parts;
    }

    String raw() {
        return raw;
    }

    boolean matches(ArnText value, AuthorizationRequest request, Trace trace) {
        if (everything) {
            return true;
        }
        if (!value.isArn()) {
            WildcardPattern p = whole.resolve(request, trace);
            return p != null && p.matches(value.text(), false);
        }
        int n = components.length;
        if (n < ArnText.COMPONENTS && !expandsLast) {
            return false;
        }
        String text = value.text();
        for (int i = 0; i < n; i++) {
            WildcardPattern p = components[i].resolve(request, trace);
            if (p == null) {
                return false;
            }
            int to = i == n - 1 ? (n < ArnText.COMPONENTS ? text.length() : value.end(i)) : value.end(i);
            if (!p.matches(text, value.start(i), to, false)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return raw;
    }
}
