package dev.agentcore.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a server listens unless told: all interfaces in a container (AgentCore's runtime reaches it from outside),
 * loopback otherwise (a developer's machine, where all interfaces would invite DNS rebinding from a browser). A
 * container is recognised as the Python SDK recognises it: {@code /.dockerenv} or the {@code DOCKER_CONTAINER}
 * variable.
 */
public final class BindAddress {

    private BindAddress() {
    }

    public static boolean inContainer() {
        return Files.exists(Path.of("/.dockerenv")) || System.getenv("DOCKER_CONTAINER") != null;
    }

    public static InetAddress forThisProcess() {
        if (!inContainer()) {
            return InetAddress.getLoopbackAddress();
        }
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("0.0.0.0 is always an address", e);
        }
    }
}
