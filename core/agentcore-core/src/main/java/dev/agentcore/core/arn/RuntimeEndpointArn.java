package dev.agentcore.core.arn;

import java.util.Optional;

import dev.agentcore.core.runtime.Qualifier;

/** A runtime endpoint's ARN: {@code <runtime ARN>/runtime-endpoint/<endpoint name>}. */
public record RuntimeEndpointArn(RuntimeArn runtime, String endpointName) {

    public static final String SEPARATOR = "/runtime-endpoint/";

    public RuntimeEndpointArn {
        if (runtime == null) {
            throw new IllegalArgumentException("an endpoint ARN needs its runtime ARN");
        }
        new Qualifier(endpointName);
    }

    /** The endpoint ARN {@code text} is, or empty. */
    public static Optional<RuntimeEndpointArn> tryParse(String text) {
        int cut = text == null ? -1 : text.indexOf(SEPARATOR);
        if (cut < 0) {
            return Optional.empty();
        }
        String name = text.substring(cut + SEPARATOR.length());
        if (!Qualifier.isValid(name)) {
            return Optional.empty();
        }
        return RuntimeArn.tryParse(text.substring(0, cut)).map(r -> new RuntimeEndpointArn(r, name));
    }

    public Qualifier qualifier() {
        return new Qualifier(endpointName);
    }

    @Override
    public String toString() {
        return runtime + SEPARATOR + endpointName;
    }
}
