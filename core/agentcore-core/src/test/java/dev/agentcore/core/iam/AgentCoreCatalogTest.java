package dev.agentcore.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AgentCoreCatalogTest {

    final AgentCoreCatalog catalog = AgentCoreCatalog.bundled();

    @Test
    void holdsEveryActionOfTheModelSnapshot() {
        assertThat(catalog.actions()).hasSize(258);
        assertThat(catalog.action("getworkloadaccesstokenforjwt")).get()
                .extracting(AgentCoreAction::resourceTypes, org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("workload-identity", "workload-identity-directory");
        assertThat(catalog.action("GetWorkloadAccesTokenForJWT")).isEmpty();
        assertThat(catalog.closestActions("GetWorkloadAccesTokenForJWT", 1)).containsExactly("GetWorkloadAccessTokenForJWT");
        assertThat(catalog.actionsMatching("GetWorkloadAccessToken*")).hasSize(3);
    }

    /** The closest actions are found by length, nearest first, and bounded distances: the same as ranking them all. */
    @Test
    void closestActionsAreTheBestOfAllByDistanceThenName() {
        for (String name : List.of("GetAgentRuntimes", "GetWorklodAccess", "invoke", "x", "CreateAgentRuntimeEndpointsAndMore",
                "", "DeleteMemory", "getresourceoauth2tokens", "ListEverything")) {
            for (int limit = 1; limit <= 4; limit++) {
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                List<String> all = catalog.actions().stream().map(AgentCoreAction::name)
                        .sorted(java.util.Comparator.comparingInt((String a) -> dev.agentcore.core.text.Similarity.editDistance(lower,
                                a.toLowerCase(java.util.Locale.ROOT))).thenComparing(a -> a))
                        .limit(limit).toList();
                assertThat(catalog.closestActions(name, limit)).as("%s, %d", name, limit).isEqualTo(all);
            }
        }
    }

    @Test
    void everyArnFormatCompilesAndIsDistinct() {
        assertThat(catalog.resourceTypes()).hasSize(33);
        for (AgentCoreResourceType type : catalog.resourceTypes()) {
            assertThat(type.resourceLanguage().isEmpty()).as(type.name()).isFalse();
        }
    }

    @Test
    void classifiesPatternsByWhatTheyCanDenote() {
        assertThat(names(catalog.typesMatching("runtime/mcp_echo-N0geaLEEPE"))).containsExactly("runtime");
        assertThat(names(catalog.typesMatching("runtime/mcp_echo-*"))).containsExactlyInAnyOrder("runtime", "runtime-endpoint");
        assertThat(names(catalog.typesMatching("runtime/mcp_echo-N0geaLEEPE/runtime-endpoint/DEFAULT"))).containsExactly("runtime-endpoint");
        assertThat(names(catalog.typesMatching("workload-identity-directory/default/workload-identity/agentName-*")))
                .containsExactly("workload-identity");
        assertThat(names(catalog.typesMatching("workload-identity-directory/default"))).containsExactly("workload-identity-directory");
        // Runtime names have no hyphen, so "my-agent-*" can never be a runtime id; a workload identity without its directory is no ARN at all.
        assertThat(catalog.typesMatching("runtime/my-agent-XYZ")).isEmpty();
        assertThat(catalog.typesMatching("workload-identity/agentName-*")).isEmpty();
        assertThat(catalog.typesMatching("*")).hasSize(33);
    }

    private static List<String> names(List<AgentCoreResourceType> types) {
        return types.stream().map(AgentCoreResourceType::name).toList();
    }
}
