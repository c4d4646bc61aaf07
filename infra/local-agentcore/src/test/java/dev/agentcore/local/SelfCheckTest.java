package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The launcher's training run doubles as a smoke test of every operation over plain HTTP. */
class SelfCheckTest {

    @Test
    void everyOperationAnswersAsExpected() throws Exception {
        var buffer = new ByteArrayOutputStream();
        boolean ok = SelfCheck.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(output).isTrue();
        assertThat(output).endsWith("local-agentcore self-check: ok" + System.lineSeparator());
    }
}
