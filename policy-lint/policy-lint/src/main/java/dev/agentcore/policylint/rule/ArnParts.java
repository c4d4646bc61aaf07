package dev.agentcore.policylint.rule;

import java.util.ArrayList;
import java.util.List;

import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/**
 * The six components of an ARN-shaped resolved string, each with its index range in the string's shape, and the
 * resource component cut into segments at '/' and ':'.
 */
public record ArnParts(Value.Text text, String shape, int[] starts, int[] ends) {

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
        if (!shape.startsWith("arn:") || shape.contains("${")) {
            // "${AWS::Region}" left in a plain string is PL150's business, and IAM policy variables such as
            // ${aws:username} stand for values we cannot know: either way the ARN cannot be checked piecewise.
            return null;
        }
        int[] starts = new int[6];
        int[] ends = new int[6];
        int at = 0;
        for (int i = 0; i < 5; i++) {
            int colon = shape.indexOf(':', at);
            if (colon < 0) {
                return null;
            }
            starts[i] = at;
            ends[i] = colon;
            at = colon + 1;
        }
        starts[5] = at;
        ends[5] = shape.length();
        return new ArnParts(text, shape, starts, ends);
    }

    public String component(int i) {
        return shape.substring(starts[i], ends[i]);
    }

    public boolean literal(int i) {
        return component(i).indexOf(Texts.UNKNOWN) < 0;
    }

    /** The component with unknown pieces as {@code *}: an IAM pattern. */
    public String pattern(int i) {
        return component(i).replace(Texts.UNKNOWN, '*');
    }

    public String service() {
        return component(SERVICE);
    }

    public List<Segment> resourceSegments() {
        List<Segment> out = new ArrayList<>();
        int start = starts[RESOURCE];
        for (int i = starts[RESOURCE]; i <= ends[RESOURCE]; i++) {
            if (i == ends[RESOURCE] || shape.charAt(i) == '/' || shape.charAt(i) == ':') {
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
