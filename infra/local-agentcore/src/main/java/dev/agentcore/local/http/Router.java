package dev.agentcore.local.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The routes of every service on the port: method plus {@link PathTemplate}. Each part of the local AgentCore (control
 * plane, data plane, token endpoint) adds its own; two routes that would answer the same requests are refused when
 * the second is added, and where a literal segment and a label both match, the literal wins
 * ({@code /identities/GetWorkloadAccessToken} over {@code /identities/{name}}).
 */
public final class Router {

    /** One route: {@code operation} names it in logs (the service model's operation name where there is one). */
    public record Route(String method, PathTemplate path, String operation, Handler handler) {

        int literalSegments() {
            return (int) path.segments().stream().filter(s -> !s.startsWith("{")).count();
        }
    }

    /** A route that matched a request, with the request's path labels. */
    public record Match(Route route, Map<String, String> labels) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** Adds {@code operation} at {@code method path}; refuses a route that would take another's requests. */
    public synchronized Router add(String method, String path, String operation, Handler handler) {
        Route route = new Route(method.toUpperCase(Locale.ROOT), PathTemplate.of(path), operation, handler);
        for (Route existing : routes) {
            if (existing.method().equals(route.method()) && existing.path().overlaps(route.path())
                    && existing.literalSegments() == route.literalSegments()) {
                throw new IllegalStateException("route " + route.method() + " " + path + " (" + operation
                        + ") would take the requests of " + existing.method() + " " + existing.path() + " ("
                        + existing.operation() + ")");
            }
        }
        routes.add(route);
        return this;
    }

    /** The route for {@code method rawPath}: of all that match, the one with the most literal segments. */
    public Optional<Match> match(String method, String rawPath) {
        Match best = null;
        for (Route route : routes) {
            if (!route.method().equalsIgnoreCase(method)) {
                continue;
            }
            var labels = route.path().match(rawPath);
            if (labels.isPresent() && (best == null || route.literalSegments() > best.route().literalSegments())) {
                best = new Match(route, labels.get());
            }
        }
        return Optional.ofNullable(best);
    }

    public List<Route> routes() {
        return new ArrayList<>(routes);
    }
}
