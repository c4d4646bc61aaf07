package dev.agentcore.iam;

import java.util.Optional;

/**
 * A {@code Resource} element value: {@code *} or an ARN whose components may hold wildcards. As in IAM, each of the
 * six components is matched on its own, so a wildcard never spans the colon between two components.
 */
public record ArnPattern(String text) {

    public static ArnPattern of(String text) {
        return new ArnPattern(text);
    }

    public boolean isEverything() {
        return "*".equals(text);
    }

    /** The components, when this is an ARN pattern (not {@code *}, not malformed). */
    public Optional<Arn> components() {
        return Arn.parse(text);
    }

    public boolean matches(String arn) {
        if (isEverything()) {
            return true;
        }
        Optional<Arn> p = Arn.parse(text);
        Optional<Arn> a = Arn.parse(arn);
        if (p.isEmpty() || a.isEmpty()) {
            return text.equals(arn);
        }
        Arn pat = p.get();
        Arn value = a.get();
        return new Glob(pat.partition()).matches(value.partition())
                && new Glob(pat.service()).matches(value.service())
                && new Glob(pat.region()).matches(value.region())
                && new Glob(pat.account()).matches(value.account())
                && new Glob(pat.resource()).matches(value.resource());
    }
}
