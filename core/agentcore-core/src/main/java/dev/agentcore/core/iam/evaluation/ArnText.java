package dev.agentcore.core.iam.evaluation;

/**
 * A value split as IAM splits an ARN: five components before the fifth colon and the resource after it (which keeps
 * its own colons). Only offsets are kept, so splitting a request's resource allocates one small object.
 */
final class ArnText {

    static final int COMPONENTS = 6;

    private final String text;
    /** Start offsets of the six components, or null when {@link #text} has fewer than five colons. */
    private final int[] starts;

    private ArnText(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    static ArnText of(String text) {
        int[] starts = new int[COMPONENTS];
        int found = 1;
        for (int i = 0; i < text.length() && found < COMPONENTS; i++) {
            if (text.charAt(i) == ':') {
                starts[found++] = i + 1;
            }
        }
        return new ArnText(text, found == COMPONENTS ? starts : null);
    }

    String text() {
        return text;
    }

    boolean isArn() {
        return starts != null;
    }

    int start(int component) {
        return starts[component];
    }

    /** End offset (exclusive) of {@code component}: the colon after it, or the end for the resource. */
    int end(int component) {
        return component == COMPONENTS - 1 ? text.length() : starts[component + 1] - 1;
    }
}
