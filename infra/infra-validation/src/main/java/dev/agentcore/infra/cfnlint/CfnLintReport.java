package dev.agentcore.infra.cfnlint;

import java.util.List;

/** What one cfn-lint run found, and which runner ran it (a container image or the local install). */
public record CfnLintReport(String runner, List<CfnLintFinding> findings) {

    public CfnLintReport {
        findings = List.copyOf(findings);
    }

    public List<CfnLintFinding> at(CfnLintFinding.Level level) {
        return findings.stream().filter(finding -> finding.level() == level).toList();
    }

    public List<CfnLintFinding> errors() {
        return at(CfnLintFinding.Level.ERROR);
    }

    public List<CfnLintFinding> warnings() {
        return at(CfnLintFinding.Level.WARNING);
    }
}
