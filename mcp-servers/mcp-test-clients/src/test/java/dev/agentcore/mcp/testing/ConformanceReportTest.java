package dev.agentcore.mcp.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.agentcore.mcp.testing.ConformanceReport.Check;

/** The verdict on a conformance run: what makes it fail, so that a broken server cannot pass. */
class ConformanceReportTest {

    private static final ProcessResult RUN = new ProcessResult(List.of("conformance"), 1, "summary", "");
    private static final Check OK = new Check("ping", "SUCCESS", "");

    @Test
    void passesWhenEveryScenarioIsRunAndPassedOrLeftOutWithAReason() {
        ConformanceReport report = new ConformanceReport(Map.of("ping", List.of(OK),
                "tools-call-sampling", List.of(new Check("x", "FAILURE", "no session"))), RUN);

        assertThatCode(() -> report.assertPassed(Set.of("ping"), Map.of("tools-call-sampling", "needs a session")))
                .doesNotThrowAnyException();
    }

    @Test
    void failsOnAFailedOrWarningCheckOfAScenarioThatMustPass() {
        ConformanceReport failed = new ConformanceReport(Map.of("ping", List.of(OK, new Check("ping-2", "FAILURE", "boom"))), RUN);
        ConformanceReport warned = new ConformanceReport(Map.of("ping", List.of(OK, new Check("ping-2", "WARNING", "hmm"))), RUN);

        assertThatThrownBy(() -> failed.assertPassed(Set.of("ping"), Map.of())).hasMessageContaining("ping: FAILURE ping-2: boom");
        assertThatThrownBy(() -> warned.assertPassed(Set.of("ping"), Map.of())).hasMessageContaining("ping: WARNING ping-2: hmm");
    }

    @Test
    void failsWhenAScenarioThatMustPassDidNotRunOrSucceededInNothing() {
        ConformanceReport onlyInfo = new ConformanceReport(Map.of("ping", List.of(new Check("i", "INFO", ""))), RUN);

        assertThatThrownBy(() -> onlyInfo.assertPassed(Set.of("ping", "tools-list"), Map.of()))
                .hasMessageContaining("ping: no check succeeded").hasMessageContaining("tools-list: not run by the suite");
    }

    @Test
    void failsOnAScenarioNeitherRunNorLeftOutAndOnALeftOutScenarioTheSuiteDoesNotHave() {
        ConformanceReport report = new ConformanceReport(Map.of("ping", List.of(OK), "new-scenario", List.of(OK)), RUN);

        assertThatThrownBy(() -> report.assertPassed(Set.of("ping"), Map.of("old-scenario", "gone")))
                .hasMessageContaining("new-scenario: a scenario this test neither runs nor leaves out")
                .hasMessageContaining("old-scenario: left out, but the suite has no such scenario");
    }
}
