package dev.agentcore.client.report;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One likely cause as a rule over a failure's context {@code C}: what it is ({@link RuleInfo}), when it applies, and
 * the cause and next step it reports, both built from the context. The only maker of {@link LikelyCause}s, so every
 * cause a report shows names the rule that found it. How it ranks is its place in its {@link RuleFamily}.
 */
public final class CauseRule<C> {

    private final RuleInfo info;
    private final Predicate<C> when;
    private final Function<C, String> cause;
    private final Function<C, String> nextStep;
    private final boolean fallback;

    private CauseRule(Builder<C> b) {
        this.info = new RuleInfo(b.id, b.title, b.summary, Objects.requireNonNull(b.applies, b.id + ": applies(...)"),
                b.conclusive);
        this.when = Objects.requireNonNull(b.when, b.id + ": when(...)");
        this.cause = Objects.requireNonNull(b.cause, b.id + ": cause(...)");
        this.nextStep = Objects.requireNonNull(b.nextStep, b.id + ": next(...)");
        this.fallback = b.fallback;
    }

    public static <C> Builder<C> rule(String id, String title) {
        return new Builder<>(id, title);
    }

    public RuleInfo info() {
        return info;
    }

    public boolean appliesTo(C context) {
        return when.test(context);
    }

    /** Tried only when no rule ranked above it applied. */
    public boolean fallback() {
        return fallback;
    }

    public LikelyCause explain(C context) {
        return new LikelyCause(cause.apply(context), nextStep.apply(context), info.id());
    }

    @Override
    public String toString() {
        return info.id() + " " + info.title();
    }

    public static final class Builder<C> {
        private final String id;
        private final String title;
        private String summary;
        private String applies;
        private Predicate<C> when = c -> true;
        private Function<C, String> cause;
        private Function<C, String> nextStep;
        private boolean conclusive;
        private boolean fallback;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        /** Why this happens, for the docs: one or two sentences. */
        public Builder<C> summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** Which failures it looks at, in a few words for the rule table. */
        public Builder<C> applies(String applies) {
            this.applies = applies;
            return this;
        }

        public Builder<C> when(Predicate<C> when) {
            this.when = when;
            return this;
        }

        public Builder<C> cause(Function<C, String> cause) {
            this.cause = cause;
            return this;
        }

        public Builder<C> cause(String cause) {
            return cause(c -> cause);
        }

        public Builder<C> next(Function<C, String> nextStep) {
            this.nextStep = nextStep;
            return this;
        }

        public Builder<C> next(String nextStep) {
            return next(c -> nextStep);
        }

        /** When it applies, the rules ranked after it are not tried. */
        public Builder<C> conclusive() {
            this.conclusive = true;
            return this;
        }

        /** Tried only when no rule ranked above it applied: the "anything else" of a family. */
        public Builder<C> fallback() {
            this.fallback = true;
            return this;
        }

        public CauseRule<C> build() {
            return new CauseRule<>(this);
        }
    }
}
