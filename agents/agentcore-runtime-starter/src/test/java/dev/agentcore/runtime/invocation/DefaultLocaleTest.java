package dev.agentcore.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.runtime.AgentCoreTasks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Durations the starter logs read the same on a German server as in the Python reference's logs. */
@ExtendWith(OutputCaptureExtension.class)
class DefaultLocaleTest {

    private Locale previous;

    @BeforeEach
    void germanDefaultLocale() {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // writes 1.5 as "1,5"
    }

    @AfterEach
    void restoreDefaultLocale() {
        Locale.setDefault(previous);
    }

    @Test
    void invocationTimesUseADecimalPoint() {
        assertThat(InvocationEndpoint.formatSeconds(1.5)).isEqualTo("1.500");
    }

    @Test
    void asyncTaskDurationsUseADecimalPoint(CapturedOutput output) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        AgentCoreTasks tasks = new AgentCoreTasks(clock);
        long id = tasks.add("import");
        now[0] = start.plusMillis(1500);

        tasks.complete(id);

        assertThat(output).contains("Async task completed: import (ID: " + id + ", Duration: 1.50s)");
    }
}
