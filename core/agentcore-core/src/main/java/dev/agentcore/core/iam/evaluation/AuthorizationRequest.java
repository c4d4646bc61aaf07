package dev.agentcore.core.iam.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request context IAM evaluates: who asks, for which action, on which resource, with which condition keys.
 *
 * <p>Condition key names are not case-sensitive in IAM, so keys are stored lower-cased; values keep their case. A key
 * with several values (such as {@code aws:TagKeys}) is a multivalued key for {@code ForAnyValue:}/{@code ForAllValues:}.
 *
 * <p>The builder fills in the keys AWS derives from the caller when they are not given: {@code aws:PrincipalAccount},
 * {@code aws:PrincipalType}, {@code aws:PrincipalArn}, {@code aws:username} (IAM users only) and
 * {@code aws:PrincipalServiceName} (service principals). {@code aws:CurrentTime} and {@code aws:EpochTime} come from
 * {@link #time()} when a condition asks for them.
 */
public final class AuthorizationRequest {

    private static final String CURRENT_TIME = "aws:currenttime";
    private static final String EPOCH_TIME = "aws:epochtime";

    private final Caller caller;
    private final String action;
    private final String resource;
    private final Map<String, List<String>> context;
    private final Instant time;
    private final ArnText resourceArn;

    private AuthorizationRequest(Builder b) {
        this.caller = b.caller;
        this.action = b.action;
        this.resource = b.resource;
        this.time = b.time != null ? b.time : Instant.now();
        Map<String, List<String>> ctx = new HashMap<>(b.context);
        derive(ctx);
        this.context = Collections.unmodifiableMap(ctx);
        this.resourceArn = ArnText.of(resource);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Caller caller() {
        return caller;
    }

    public String action() {
        return action;
    }

    public String resource() {
        return resource;
    }

    public Instant time() {
        return time;
    }

    /** The context keys, lower-cased, with the derived ones. */
    public Map<String, List<String>> context() {
        return context;
    }

    /** The values of {@code key} (any case), or null when the request has no such key. */
    public List<String> values(String key) {
        return valuesOf(key.toLowerCase(Locale.ROOT));
    }

    /** {@link #values(String)} for a key already lower-cased (compiled policies keep theirs so). */
    List<String> valuesOf(String lower) {
        List<String> v = context.get(lower);
        if (v != null) {
            return v;
        }
        if (lower.equals(CURRENT_TIME)) {
            return List.of(time.toString());
        }
        if (lower.equals(EPOCH_TIME)) {
            return List.of(Long.toString(time.getEpochSecond()));
        }
        return null;
    }

    /** The one value of {@code lowerKey}, for policy variables: null when absent or multivalued. */
    String singleValue(String lowerKey) {
        List<String> v = valuesOf(lowerKey);
        return v != null && v.size() == 1 ? v.getFirst() : null;
    }

    ArnText resourceArn() {
        return resourceArn;
    }

    private void derive(Map<String, List<String>> ctx) {
        caller.account().ifPresent(a -> ctx.putIfAbsent("aws:principalaccount", List.of(a)));
        switch (caller) {
            case Caller.AccountRoot r -> {
                ctx.putIfAbsent("aws:principaltype", List.of("Account"));
                ctx.putIfAbsent("aws:principalarn", List.of(r.name()));
            }
            case Caller.IamUser u -> {
                ctx.putIfAbsent("aws:principaltype", List.of("User"));
                ctx.putIfAbsent("aws:principalarn", List.of(u.arn()));
                ctx.putIfAbsent("aws:username", List.of(u.userName()));
            }
            case Caller.IamRole r -> {
                ctx.putIfAbsent("aws:principaltype", List.of("AssumedRole"));
                ctx.putIfAbsent("aws:principalarn", List.of(r.arn()));
            }
            case Caller.RoleSession s -> {
                ctx.putIfAbsent("aws:principaltype", List.of("AssumedRole"));
                // AWS puts the role's ARN here, path included; the session ARN has no path, so callers whose role has a
                // path should pass aws:PrincipalArn themselves.
                ctx.putIfAbsent("aws:principalarn", List.of(s.roleArnWithoutPath()));
            }
            case Caller.FederatedUser f -> {
                ctx.putIfAbsent("aws:principaltype", List.of("FederatedUser"));
                ctx.putIfAbsent("aws:principalarn", List.of(f.arn()));
            }
            case Caller.ServicePrincipal s -> ctx.putIfAbsent("aws:principalservicename", List.of(s.service()));
            case Caller.WebIdentity w -> {
                // keys of a web identity (aud, sub, amr) depend on the provider: the caller passes them
            }
        }
    }

    @Override
    public String toString() {
        return caller.name() + " -> " + action + " on " + resource;
    }

    public static final class Builder {
        private Caller caller;
        private String action;
        private String resource;
        private Instant time;
        private final Map<String, List<String>> context = new HashMap<>();

        private Builder() {
        }

        /** @see Caller#parse(String) */
        public Builder principal(String principal) {
            return caller(Caller.parse(principal));
        }

        public Builder caller(Caller caller) {
            this.caller = caller;
            return this;
        }

        /** {@code service:Action}, compared ignoring case as IAM does. */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /** The resource ARN, or {@code *} for actions without a resource type. */
        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** The request time behind {@code aws:CurrentTime} and {@code aws:EpochTime}; now when not set. */
        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        /** A single-valued context key. */
        public Builder context(String key, String value) {
            return context(key, List.of(value));
        }

        /** A context key with all its values (an empty list is a present key with an empty set of values). */
        public Builder context(String key, List<String> values) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a context key is empty");
            }
            if (values == null) {
                throw new IllegalArgumentException("context key " + key + " has no value list");
            }
            List<String> copy = new ArrayList<>(values.size());
            for (String v : values) {
                if (v == null) {
                    throw new IllegalArgumentException("context key " + key + " has a null value");
                }
                copy.add(v);
            }
            context.put(key.toLowerCase(Locale.ROOT), List.copyOf(copy));
            return this;
        }

        public Builder context(Map<String, List<String>> keys) {
            keys.forEach(this::context);
            return this;
        }

        /** @throws IllegalArgumentException naming the missing field */
        public AuthorizationRequest build() {
            if (caller == null) {
                throw new IllegalArgumentException("request has no principal");
            }
            if (action == null || action.isBlank()) {
                throw new IllegalArgumentException("request has no action");
            }
            if (resource == null || resource.isBlank()) {
                throw new IllegalArgumentException("request has no resource (use * for actions without one)");
            }
            return new AuthorizationRequest(this);
        }
    }
}
