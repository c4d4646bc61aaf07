package dev.agentcore.client.diagnosis;

import dev.agentcore.client.report.CauseRule;
import dev.agentcore.client.report.LikelyCause;
import dev.agentcore.client.report.RuleInfo;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One likely cause of a failed call, as a rule: what it is ({@link RuleInfo}), when it applies (its {@link Trigger}
 * and a predicate over the case: the AWS error, the token's claims, what the lookups found), and the cause and next
 * step it reports, both built from the case. How it ranks is its place in {@link DiagnosisRules#all()}.
 */
public final class DiagnosisRule {

    private final Trigger trigger;
    private final CauseRule<Case> rule;

    private DiagnosisRule(Builder b) {
        this.trigger = Objects.requireNonNull(b.trigger, b.id + ": on(...)");
        Predicate<Case> when = Objects.requireNonNull(b.when, b.id + ": when(...)");
        CauseRule.Builder<Case> rule = CauseRule.<Case>rule(b.id, b.title).summary(b.summary).applies(trigger.describe())
                .when(when).cause(b.cause).next(b.nextStep);
        this.rule = (b.conclusive ? rule.conclusive() : rule).build();
    }

    public RuleInfo info() {
        return rule.info();
    }

    public Trigger trigger() {
        return trigger;
    }

    /** The trigger first: a rule never looks anything up for a failure it does not answer. */
    boolean appliesTo(Case c) {
        return trigger.matches(c.context.failure()) && rule.appliesTo(c);
    }

    LikelyCause explain(Case c) {
        return rule.explain(c);
    }

    @Override
    public String toString() {
        return rule.toString();
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
