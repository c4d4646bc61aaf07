package dev.agentcore.client.diagnosis;

import dev.agentcore.client.invoke.InvocationFailure;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which failed calls a rule looks at: some HTTP statuses, every 5xx, any response, or none at all. */
public sealed interface Trigger {

    boolean matches(InvocationFailure failure);

    /** For the rule table: "401, 403", "5xx", "no response". */
    String describe();

    static Trigger statuses(Integer... statuses) {
        return new Statuses(new TreeSet<>(Set.of(statuses)));
    }

    static Trigger serverErrors() {
        return new ServerErrors();
    }

    static Trigger anyResponse() {
        return new AnyResponse();
    }

    static Trigger noResponse() {
        return new NoResponse();
    }

    record Statuses(Set<Integer> statuses) implements Trigger {
        public Statuses {
            statuses = Set.copyOf(statuses);
        }

        @Override
        public boolean matches(InvocationFailure failure) {
            return failure.httpResponse().isPresent() && statuses.contains(failure.status());
        }

        @Override
        public String describe() {
            return new TreeSet<>(statuses).stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }

    record ServerErrors() implements Trigger {
        @Override
        public boolean matches(InvocationFailure failure) {
            return failure.httpResponse().isPresent() && failure.status() >= 500;
        }

        @Override
        public String describe() {
            return "5xx";
        }
    }

    record AnyResponse() implements Trigger {
        @Override
        public boolean matches(InvocationFailure failure) {
            return failure.httpResponse().isPresent();
        }

        @Override
        public String describe() {
            return "any status";
        }
    }

    record NoResponse() implements Trigger {
        @Override
        public boolean matches(InvocationFailure failure) {
            return failure.transportProblem().isPresent();
        }

        @Override
        public String describe() {
            return "no response";
        }
    }
}
