package dev.agentcore.localoauth.pool;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pools, clients and users held in memory: for tests, and for a stack that defines its pools in code. */
public final class InMemoryUserPools implements UserPools {

    private record StoredUser(PoolUser user, String password) {
    }

    private final Map<UserPoolId, UserPool> pools = new ConcurrentHashMap<>();
    private final Map<String, AppClient> clients = new ConcurrentHashMap<>();
    private final Map<String, StoredUser> users = new ConcurrentHashMap<>();

    public InMemoryUserPools add(UserPool pool) {
        pools.put(pool.id(), pool);
        return this;
    }

    /** Adds the client, and its pool (without a domain) if the pool is not there yet. */
    public InMemoryUserPools add(AppClient client) {
        pools.putIfAbsent(client.poolId(), UserPool.withoutDomain(client.poolId()));
        clients.put(key(client.poolId(), client.clientId()), client);
        return this;
    }

    /** Adds (or replaces) a confirmed user with a permanent password. */
    public InMemoryUserPools addUser(UserPoolId pool, PoolUser user, String password) {
        pools.putIfAbsent(pool, UserPool.withoutDomain(pool));
        users.put(key(pool, user.username()), new StoredUser(user, password));
        return this;
    }

    public void remove(UserPoolId pool, String clientId) {
        clients.remove(key(pool, clientId));
    }

    public void removeUser(UserPoolId pool, String username) {
        users.remove(key(pool, username));
    }

    @Override
    public Optional<UserPool> pool(UserPoolId id) {
        return Optional.ofNullable(pools.get(id));
    }

    @Override
    public Optional<UserPool> poolByDomain(String domainPrefix) {
        return pools.values().stream().filter(p -> p.domainPrefix().filter(domainPrefix::equals).isPresent()).findFirst();
    }

    @Override
    public Optional<AppClient> client(UserPoolId pool, String clientId) {
        return Optional.ofNullable(clients.get(key(pool, clientId)));
    }

    @Override
    public SignIn signIn(AppClient client, String username, String password) {
        StoredUser stored = users.get(key(client.poolId(), username));
        if (stored == null) {
            return SignIn.Refused.incorrect("no user " + username + " in " + client.poolId());
        }
        if (!stored.user().enabled()) {
            return new SignIn.Refused("User is disabled.", "user " + username + " is disabled");
        }
        if (password == null || !MessageDigest.isEqual(stored.password().getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8))) {
            return SignIn.Refused.incorrect("wrong password for " + username);
        }
        return new SignIn.SignedIn(stored.user());
    }

    @Override
    public Optional<PoolUser> user(UserPoolId pool, String username) {
        return Optional.ofNullable(users.get(key(pool, username))).map(StoredUser::user);
    }

    private static String key(UserPoolId pool, String name) {
        return pool.value() + "/" + name;
    }
}
