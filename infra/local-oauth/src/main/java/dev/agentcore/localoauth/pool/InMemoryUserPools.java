package dev.agentcore.localoauth.pool;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pools and clients held in memory: for tests, and for a stack that defines its pools in code. */
public final class InMemoryUserPools implements UserPools {

    private final Map<UserPoolId, UserPool> pools = new ConcurrentHashMap<>();
    private final Map<String, AppClient> clients = new ConcurrentHashMap<>();

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

    public void remove(UserPoolId pool, String clientId) {
        clients.remove(key(pool, clientId));
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

    private static String key(UserPoolId pool, String clientId) {
        return pool.value() + "/" + clientId;
    }
}
