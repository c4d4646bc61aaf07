package dev.agentcore.core.iam;

import java.util.Optional;

import dev.agentcore.core.arn.AgentCoreArns;
import software.amazon.awssdk.arns.Arn;

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

    public boolean matches(String arn) {
        if (isEverything()) {
            return true;
        }
        Optional<Arn> p = AgentCoreArns.split(text);
        Optional<Arn> a = AgentCoreArns.split(arn);
        if (p.isEmpty() || a.isEmpty()) {
            return text.equals(arn);
        }
        Arn pat = p.get();
        Arn value = a.get();
        return new Glob(pat.partition()).matches(value.partition())
                && new Glob(pat.service()).matches(value.service())
                && new Glob(pat.region().orElse("")).matches(value.region().orElse(""))
                && new Glob(pat.accountId().orElse("")).matches(value.accountId().orElse(""))
                && new Glob(pat.resourceAsString()).matches(value.resourceAsString());
    }
}
