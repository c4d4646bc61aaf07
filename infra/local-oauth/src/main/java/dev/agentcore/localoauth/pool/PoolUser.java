package dev.agentcore.localoauth.pool;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user of a pool as its tokens name it: AdminGetUser's Username and UserAttributes (among them {@code sub}), and
 * the names of AdminListGroupsForUser's groups.
 *
 * @param attributes the user's attributes by name ({@code email}, {@code email_verified}, {@code custom:team} ...),
 *                   {@code sub} included
 */
public record PoolUser(String username, Map<String, String> attributes, List<String> groups, boolean enabled) {

    public PoolUser {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("a user needs a username");
        }
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        groups = groups == null ? List.of() : List.copyOf(groups);
        if (!attributes.containsKey("sub")) {
            throw new IllegalArgumentException("user " + username + " has no sub attribute");
        }
    }

    /** The user's stable id, the {@code sub} claim of both tokens. */
    public String sub() {
        return attributes.get("sub");
    }
}
