package dev.agentcore.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Where a server listens, as its process environment says: {@code SERVER_ADDRESS} and {@code SERVER_PORT}, the
 * variables the images set ({@code SERVER_ADDRESS=0.0.0.0}), the local runner sets (a session's own port, on loopback)
 * and Spring Boot reads for {@code server.address} and {@code server.port}, so that a lean server takes the settings a
 * Spring one does. {@code PORT} is read after {@code SERVER_PORT} (the runner sets both; some hosts set only
 * {@code PORT}). Unset, the address is {@link BindAddress}'s (all interfaces in a container, loopback otherwise) and
 * the port the server's contract port.
 *
 * @param host the address to listen on
 * @param port the port; 0 for any free one
 */
public record ListenAddress(InetAddress host, int port) {

    public static final String ADDRESS_VARIABLE = "SERVER_ADDRESS";
    public static final String PORT_VARIABLE = "SERVER_PORT";
    public static final String PLAIN_PORT_VARIABLE = "PORT";

    public ListenAddress {
        java.util.Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
    }

    /**
     * @param environment  {@code System.getenv()}, or a map in tests
     * @param contractPort the port when no variable names one (8080 for an agent, 8000 for an MCP server)
     * @throws IllegalArgumentException naming the variable, when a value is not an address or a port
     */
    public static ListenAddress fromEnvironment(Map<String, String> environment, int contractPort) {
        return new ListenAddress(host(environment), port(environment, contractPort));
    }

    private static InetAddress host(Map<String, String> environment) {
        String address = environment.get(ADDRESS_VARIABLE);
        if (address == null || address.isBlank()) {
            return BindAddress.of(BindAddress.inContainer(BindAddress.DOCKER_MARKER, environment::containsKey));
        }
        try {
            return InetAddress.getByName(address.strip());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ADDRESS_VARIABLE + " is not an address: '" + address + "'");
        }
    }

    private static int port(Map<String, String> environment, int contractPort) {
        for (String variable : new String[] {PORT_VARIABLE, PLAIN_PORT_VARIABLE}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                int port;
                try {
                    port = Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65_535) {
                    throw new IllegalArgumentException(variable + " must be a port number (0 to 65535), was '" + value + "'");
                }
                return port;
            }
        }
        return contractPort;
    }
}
