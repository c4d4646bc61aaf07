package dev.agentcore.mcp.echo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoTest {

    @Test
    void echoesTheMessageUnchanged() {
        assertThat(Echo.echo(new Echo.Arguments("  spaces, émoji 🚀 and \"quotes\" "))).isEqualTo(
                new Echo.Reply("  spaces, émoji 🚀 and \"quotes\" "));
    }
}
