package dev.agentcore.infra.cfnlint;

import dev.agentcore.infra.Repository;

/** The cfn-lint runner the gate tests share: detected for the repository under test, and named in the test output. */
final class RepositoryRunner {

    private RepositoryRunner() {
    }

    static CfnLintRunner detect() {
        CfnLintRunner runner = CfnLintRunner.detect(Repository.root());
        System.out.println("cfn-lint runner: " + runner.describe());
        return runner;
    }
}
