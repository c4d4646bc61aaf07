package dev.agentcore.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void theVariablesTheImagesAndTheLocalRunnerSetAreRead() throws Exception {
        assertThat(ListenAddress.fromEnvironment(Map.of("SERVER_ADDRESS", "0.0.0.0", "DOCKER_CONTAINER", "1"), 8080))
                .isEqualTo(new ListenAddress(InetAddress.getByName("0.0.0.0"), 8080));
        // The local runner: a container's variables, but loopback and the session's own port.
        assertThat(ListenAddress.fromEnvironment(Map.of("DOCKER_CONTAINER", "1", "SERVER_ADDRESS", "127.0.0.1",
                "SERVER_PORT", "41234", "PORT", "41234"), 8080))
                .isEqualTo(new ListenAddress(InetAddress.getLoopbackAddress(), 41234));
    }

    @Test
    void serverPortWinsOverPortAndEitherOverTheContractPort() {
        assertThat(ListenAddress.fromEnvironment(Map.of("SERVER_PORT", "9001", "PORT", "9002"), 8000).port()).isEqualTo(9001);
        assertThat(ListenAddress.fromEnvironment(Map.of("PORT", " 9002 "), 8000).port()).isEqualTo(9002);
        assertThat(ListenAddress.fromEnvironment(Map.of("SERVER_PORT", ""), 8000).port()).isEqualTo(8000);
        assertThat(ListenAddress.fromEnvironment(Map.of("SERVER_PORT", "0"), 8000).port()).isZero();
    }

    /** Unset, the address is BindAddress's decision: all interfaces in a container, loopback otherwise. */
    @Test
    void withoutAnAddressTheContainerDecides() throws Exception {
        assertThat(ListenAddress.fromEnvironment(Map.of("DOCKER_CONTAINER", "1"), 8080).host())
                .isEqualTo(InetAddress.getByName("0.0.0.0"));
        assertThat(ListenAddress.fromEnvironment(Map.of(), 8080).host())
                .isEqualTo(BindAddress.of(BindAddress.inContainer(BindAddress.DOCKER_MARKER, name -> false)));
    }

    @Test
    void aBadValueIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> ListenAddress.fromEnvironment(Map.of("SERVER_PORT", "http"), 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SERVER_PORT must be a port number (0 to 65535), was 'http'");
        assertThatThrownBy(() -> ListenAddress.fromEnvironment(Map.of("PORT", "70000"), 8080))
                .hasMessage("PORT must be a port number (0 to 65535), was '70000'");
        assertThatThrownBy(() -> ListenAddress.fromEnvironment(Map.of("SERVER_ADDRESS", "no such host.invalid"), 8080))
                .hasMessage("SERVER_ADDRESS is not an address: 'no such host.invalid'");
    }
}
