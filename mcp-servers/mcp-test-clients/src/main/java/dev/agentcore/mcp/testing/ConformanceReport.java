package dev.agentcore.mcp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the conformance suite found, scenario by scenario.
 *
 * @param checks the checks of each scenario the suite ran
 * @param run    the suite's process, whose output explains a failure
 */
public record ConformanceReport(Map<String, List<Check>> checks, ProcessResult run) {

    /** One check of a scenario: SUCCESS, FAILURE, WARNING or INFO. */
    public record Check(String id, String status, String errorMessage) {
    }

    public Set<String> scenarios() {
        return new TreeSet<>(checks.keySet());
    }

    /**
     * Fails unless every scenario in {@code mustPass} passed (at least one SUCCESS, no FAILURE, no WARNING), and
     * every scenario the suite ran is either in {@code mustPass} or in {@code leftOut} with its reason, so that a
     * new scenario in a newer suite cannot go unnoticed.
     */
    public void assertPassed(Set<String> mustPass, Map<String, String> leftOut) {
        List<String> problems = new ArrayList<>();
        for (String scenario : new TreeSet<>(mustPass)) {
            List<Check> scenarioChecks = checks.get(scenario);
            if (scenarioChecks == null) {
                problems.add(scenario + ": not run by the suite");
                continue;
            }
            for (Check check : scenarioChecks) {
                if (check.status().equals("FAILURE") || check.status().equals("WARNING")) {
                    problems.add(scenario + ": " + check.status() + " " + check.id() + ": " + check.errorMessage());
                }
            }
            if (scenarioChecks.stream().noneMatch(check -> check.status().equals("SUCCESS"))) {
                problems.add(scenario + ": no check succeeded");
            }
        }
        for (String scenario : scenarios()) {
            if (!mustPass.contains(scenario) && !leftOut.containsKey(scenario)) {
                problems.add(scenario + ": a scenario this test neither runs nor leaves out with a reason");
            }
        }
        for (String scenario : new TreeSet<>(leftOut.keySet())) {
            if (!checks.containsKey(scenario)) {
                problems.add(scenario + ": left out, but the suite has no such scenario (any more)");
            }
        }
        for (String scenario : mustPass) {
            if (leftOut.containsKey(scenario)) {
                problems.add(scenario + ": both run and left out");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("MCP conformance suite: " + String.join("\n  ", problems) + "\n\n" + run.describe());
        }
    }
}
