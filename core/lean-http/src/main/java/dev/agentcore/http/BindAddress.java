package dev.agentcore.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Where a server listens unless told: all interfaces in a container (AgentCore's runtime reaches it from outside),
 * loopback otherwise (a developer's machine, where all interfaces would invite DNS rebinding from a browser). A
 * container is recognised as the Python SDK recognises it: {@code /.dockerenv} or the {@code DOCKER_CONTAINER}
 * variable.
 *
 * <p>This is the one place that decision is made: the lean servers call {@link #forThisProcess()}, and the Spring
 * modules' environment defaults call {@link #inContainer(Path, Predicate)} with their own view of the variables (a
 * Spring property source answers for the environment there, so that tests can set it).
 */
public final class BindAddress {

    /** The file Docker (and AgentCore's microVM images built the same way) leaves at the root. */
    public static final Path DOCKER_MARKER = Path.of("/.dockerenv");
    /** The variable the Python SDK also reads; the local runner sets it to make a host process act as in a microVM. */
    public static final String CONTAINER_VARIABLE = "DOCKER_CONTAINER";

    private BindAddress() {
    }

    public static boolean inContainer() {
        return inContainer(DOCKER_MARKER, name -> System.getenv(name) != null);
    }

    /** The same decision from a given marker file and a given test of whether a variable is set. */
    public static boolean inContainer(Path dockerMarker, Predicate<String> variableIsSet) {
        return Files.exists(dockerMarker) || variableIsSet.test(CONTAINER_VARIABLE);
    }

    public static InetAddress forThisProcess() {
        return of(inContainer());
    }

    /** All interfaces ({@code 0.0.0.0}) in a container, loopback ({@code 127.0.0.1}) otherwise. */
    public static InetAddress of(boolean inContainer) {
        if (!inContainer) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("0.0.0.0 is always an address", e);
        }
    }
}
