package dev.agentcore.policylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.agentcore.testing.RepositoryFiles;

/**
 * The real pre-commit (pinned in .venv) in a throwaway git repository with a {@code repo: local} hook that runs the
 * launcher: a commit with the placeholder is refused with the finding shown, and goes through after the fix.
 */
class PreCommitIT {

    @TempDir
    Path repo;
    Map<String, String> env;

    @BeforeEach
    void init() throws Exception {
        env = Map.of("PRE_COMMIT_HOME", repo.resolve(".pre-commit-cache").toString(),
                "GIT_CONFIG_GLOBAL", repo.resolve(".gitconfig-none").toString(),
                "GIT_CONFIG_NOSYSTEM", "1");
        git("init", "-q", "-b", "main");
        git("config", "user.email", "dev@example.com");
        git("config", "user.name", "Dev");
        git("config", "commit.gpgsign", "false");
        Files.writeString(repo.resolve(".pre-commit-config.yaml"), """
                repos:
                  - repo: local
                    hooks:
                      - id: policy-lint
                        name: policy-lint
                        entry: %s --skip-non-templates
                        language: system
                        files: \\.(ya?ml|json|template)$
                        require_serial: true
                        args: [--runtimes, runtimes/mcp-echo.json]
                """.formatted(Launch.launcher()));
        Files.createDirectories(repo.resolve("runtimes"));
        Files.copy(Path.of(Cli.fixture("runtimes/seed-get-agent-runtime.json")), repo.resolve("runtimes/mcp-echo.json"));
        Files.writeString(repo.resolve(".gitignore"), ".pre-commit-cache/\n.gitconfig-none\n");
        Launch install = Launch.run(repo, env, RepositoryFiles.require(".venv/bin/pre-commit").toString(), "install");
        assertThat(install.code()).as(install.output()).isZero();
    }

    private Launch git(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        return Launch.run(repo, env == null ? Map.of() : env, command);
    }

    @Test
    void aCommitWithThePlaceholderIsRefusedAndGoesThroughAfterTheFix() throws Exception {
        Path template = Files.createDirectories(repo.resolve("infra")).resolve("agent.yaml");
        String seed = Files.readString(Path.of(Cli.fixture("rules/seed-infrastructure.yaml")));
        Files.writeString(template, seed);
        git("add", "-A");
        Launch refused = git("commit", "-m", "execution role");
        assertThat(refused.code()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("policy-lint").contains("Failed")
                .contains("infra/agent.yaml:61:140: error PL100 'agentName'")
                .contains("closest by name: mcp_echo (mcp_echo-N0geaLEEPE)");
        assertThat(git("log", "--oneline").output()).doesNotContain("execution role");

        Files.writeString(template, seed.replace("workload-identity/agentName-*", "workload-identity/mcp_echo-*"));
        git("add", "-A");
        Launch accepted = git("commit", "-m", "execution role");
        assertThat(accepted.code()).as(accepted.output()).isZero();
        assertThat(accepted.output()).contains("policy-lint").contains("Passed");
        assertThat(git("log", "--oneline").output()).contains("execution role");
    }
}
