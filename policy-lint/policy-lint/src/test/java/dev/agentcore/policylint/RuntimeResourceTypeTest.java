package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.iam.AgentCoreCatalog;
import dev.agentcore.core.iam.AgentCoreResourceType;
import dev.agentcore.policylint.rule.RuntimeResourceType;

/** The rules' runtime resource types stay in step with the catalog they are read from. */
class RuntimeResourceTypeTest {

    @Test
    void everyConstantIsATypeOfTheBundledCatalogAndTheOnlyOneForItsName() {
        var catalog = AgentCoreCatalog.bundled().resourceTypes();
        for (RuntimeResourceType type : RuntimeResourceType.values()) {
            assertThat(catalog).as(type + " in the catalog").extracting(AgentCoreResourceType::name).contains(type.catalogName());
        }
        assertThat(catalog.stream().map(RuntimeResourceType::of).flatMap(java.util.Optional::stream))
                .containsExactlyInAnyOrder(RuntimeResourceType.values());
        assertThat(catalog.stream().filter(t -> t.name().equals("workload-identity-directory")).map(RuntimeResourceType::of))
                .allMatch(java.util.Optional::isEmpty);
    }
}
