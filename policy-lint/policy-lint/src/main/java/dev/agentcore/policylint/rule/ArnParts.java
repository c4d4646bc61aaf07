package dev.agentcore.policylint.rule;

import java.util.ArrayList;
import java.util.List;

import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/**
 * The six components of an ARN-shaped resolved string, each with its index range in the string's shape, and the
 * resource component cut into segments at '/' and ':'.
 *
 * <p>A {@code ${...}} left in the string (a deploy script's variable, an IAM policy variable, a pseudo parameter
 * outside Fn::Sub) is an unknown value, like an unresolved piece: {@code masked} has it as {@link Texts#UNKNOWN}
 * characters (same length, so indices still map to the file), it is never literal, and it matches anything. So
 * {@code ${ACCOUNT_ID}} in the account does not stop the check of {@code agentName-*} in the resource: one problem
 * never hides another. PL150 reports the variable itself.
 */
public record ArnParts(Value.Text text, String shape, String masked, int[] starts, int[] ends) {

    public static final int PARTITION = 1;
    public static final int SERVICE = 2;
    public static final int REGION = 3;
    public static final int ACCOUNT = 4;
    public static final int RESOURCE = 5;

    /** A segment of the resource component, for example {@code agentName-*} in {@code .../workload-identity/agentName-*}. */
    public record Segment(String text, int start, int end) {
    }

    public static ArnParts of(Value.Text text) {
        String shape = Texts.shape(text);
        if (!shape.startsWith("arn:")) {
            return null;
        }
        String masked = maskVariables(shape);
        int[] starts = new int[6];
        int[] ends = new int[6];
        int at = 0;
        for (int i = 0; i < 5; i++) {
            int colon = masked.indexOf(':', at);
            if (colon < 0) {
                return null;
            }
            starts[i] = at;
            ends[i] = colon;
            at = colon + 1;
        }
        starts[5] = at;
        ends[5] = shape.length();
        return new ArnParts(text, shape, masked, starts, ends);
    }

    /** {@code shape} with every {@code ${...}} replaced by as many unknown characters (an unclosed one is kept). */
    static String maskVariables(String shape) {
        StringBuilder out = new StringBuilder(shape);
        int at = 0;
        while ((at = shape.indexOf("${", at)) >= 0) {
            int close = shape.indexOf('}', at + 2);
            if (close < 0) {
                break;
            }
            for (int i = at; i <= close; i++) {
                out.setCharAt(i, Texts.UNKNOWN);
            }
            at = close + 1;
        }
        return out.toString();
    }

    public String component(int i) {
        return shape.substring(starts[i], ends[i]);
    }

    public boolean literal(int i) {
        int unknown = masked.indexOf(Texts.UNKNOWN, starts[i]);
        return unknown < 0 || unknown >= ends[i];
    }

    /** The component with unknown pieces and variables as {@code *}: an IAM pattern. */
    public String pattern(int i) {
        return Texts.unknownRunsAsStar(masked.substring(starts[i], ends[i]));
    }

    public String service() {
        return component(SERVICE);
    }

    public List<Segment> resourceSegments() {
        List<Segment> out = new ArrayList<>();
        int start = starts[RESOURCE];
        for (int i = starts[RESOURCE]; i <= ends[RESOURCE]; i++) {
            if (i == ends[RESOURCE] || masked.charAt(i) == '/' || masked.charAt(i) == ':') {
                if (i > start) {
                    out.add(new Segment(shape.substring(start, i), start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    public dev.agentcore.policylint.source.Region region(int from, int to) {
        return Texts.region(text, from, to);
    }

    public dev.agentcore.policylint.source.Region componentRegion(int i) {
        return Texts.region(text, starts[i], Math.max(starts[i] + 1, ends[i]));
    }

    /** The whole string with unknown pieces shown as {@code ${Name}}, for messages. */
    public String display() {
        return Texts.display(text);
    }
}
