package dev.agentcore.client.diagnosis;

import dev.agentcore.client.report.LikelyCause;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One likely cause of a failed call, as a rule: what it is ({@link RuleInfo}), when it applies (its {@link Trigger}
 * and a predicate over the case: the AWS error, the token's claims, what the lookups found), and the cause and next
 * step it reports, both built from the case. How it ranks is its place in {@link DiagnosisRules#all()}.
 */
public final class DiagnosisRule {

    private final RuleInfo info;
    private final Predicate<Case> when;
    private final Function<Case, String> cause;
    private final Function<Case, String> nextStep;

    private DiagnosisRule(Builder b) {
        this.info = new RuleInfo(b.id, b.title, b.summary, Objects.requireNonNull(b.trigger, b.id + ": on(...)"),
                b.conclusive);
        this.when = Objects.requireNonNull(b.when, b.id + ": when(...)");
        this.cause = Objects.requireNonNull(b.cause, b.id + ": cause(...)");
        this.nextStep = Objects.requireNonNull(b.nextStep, b.id + ": next(...)");
    }

    public RuleInfo info() {
        return info;
    }

    /** The trigger first: a rule never looks anything up for a failure it does not answer. */
    boolean appliesTo(Case c) {
        return info.trigger().matches(c.context.failure()) && when.test(c);
    }

    LikelyCause explain(Case c) {
        return new LikelyCause(cause.apply(c), nextStep.apply(c), info.id());
    }

    @Override
    public String toString() {
        return info.id() + " " + info.title();
    }

    static Builder rule(String id, String title) {
        return new Builder(id, title);
    }

    static final class Builder {
        private final String id;
        private final String title;
        private String summary;
        private Trigger trigger;
        private Predicate<Case> when = c -> true;
        private Function<Case, String> cause;
        private Function<Case, String> nextStep;
        private boolean conclusive;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** Why this happens, for the docs: one or two sentences. */
        Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        Builder on(Trigger trigger) {
            this.trigger = trigger;
            return this;
        }

        Builder when(Predicate<Case> when) {
            this.when = when;
            return this;
        }

        Builder cause(Function<Case, String> cause) {
            this.cause = cause;
            return this;
        }

        Builder cause(String cause) {
            return cause(c -> cause);
        }

        Builder next(Function<Case, String> nextStep) {
            this.nextStep = nextStep;
            return this;
        }

        Builder next(String nextStep) {
            return next(c -> nextStep);
        }

        /** When it applies, the rules ranked after it are not tried. */
        Builder conclusive() {
            this.conclusive = true;
            return this;
        }

        DiagnosisRule build() {
            return new DiagnosisRule(this);
        }
    }
}
