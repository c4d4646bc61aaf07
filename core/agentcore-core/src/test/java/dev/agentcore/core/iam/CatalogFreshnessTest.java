package dev.agentcore.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.agentcore.testing.RepositoryFiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fails when the bundled catalog lags the service models: botocore's bedrock-agentcore and bedrock-agentcore-control
 * models in the repository's .venv (make tools installs them; this test never skips). Every operation must have an
 * IAM action of the same name in the catalog, or be listed, with the reason, under operationsWithoutSameNamedAction
 * (from core/agentcore-core/src/catalog/operations-without-same-named-action.json). Lives here, beside the catalog it
 * guards; surefire passes repo.root, which locates .venv.
 */
class CatalogFreshnessTest {

    private static final String REFRESH = "refresh the catalog: python3 scripts/refresh-policy-lint-catalog.py (add the"
            + " action to core/agentcore-core/src/catalog/bedrock-agentcore-iam-actions.txt with its source, or list the"
            + " operation with the reason in operations-without-same-named-action.json)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Path root;
    static Map<String, String> operations; // operation -> service
    static Set<String> actions;
    static Map<String, String> exceptions;

    @BeforeAll
    static void read() throws IOException {
        root = RepositoryFiles.root();
        operations = new TreeMap<>();
        for (String service : new String[] {"bedrock-agentcore-control", "bedrock-agentcore"}) {
            RepositoryFiles.botocoreModel(service).path("operations").propertyNames()
                    .forEach(op -> operations.put(op, service));
        }
        JsonNode catalog;
        try (InputStream in = AgentCoreCatalog.class.getResourceAsStream("bedrock-agentcore-catalog.json")) {
            catalog = JSON.readTree(in);
        }
        actions = catalog.path("actions").values().stream().map(a -> a.path("name").asString())
                .collect(Collectors.toCollection(TreeSet::new));
        exceptions = new TreeMap<>();
        catalog.path("operationsWithoutSameNamedAction").properties()
                .forEach(e -> exceptions.put(e.getKey(), e.getValue().asString()));
    }

    @Test
    void everyOperationOfTheCurrentModelsHasAnActionOfTheSameName() {
        Map<String, String> missing = new TreeMap<>(operations);
        missing.keySet().removeAll(actions);
        missing.keySet().removeAll(exceptions.keySet());
        assertThat(missing).as("operations of the botocore models in .venv without an action in the catalog; " + REFRESH)
                .isEmpty();
        assertThat(operations).as("both models were read").hasSizeGreaterThan(200);
    }

    @Test
    void everyListedExceptionIsStillAnOperationWithoutAnActionAndSaysWhy() {
        assertThat(exceptions.keySet()).as("listed operations that are no longer in the models")
                .allMatch(operations::containsKey);
        assertThat(exceptions.keySet()).as("listed operations that have an action of their name now").noneMatch(actions::contains);
        assertThat(exceptions).as("reasons").allSatisfy((op, why) -> assertThat(why).as(op).isNotBlank());
    }

    @Test
    void theBundledCatalogIsWhatTheScriptGeneratesFromTheCurrentInputs() throws Exception {
        Path python = root.resolve(".venv/bin/python");
        assertThat(Files.isExecutable(python)).as(python + " is missing: run 'make tools'").isTrue();
        Process process = new ProcessBuilder(python.toString(), "scripts/refresh-policy-lint-catalog.py", "--check")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("is up to date");
    }

    @Test
    void theRuntimeOperationsThisProjectUsesAreActions() {
        assertThat(actions).contains("CreateAgentRuntime", "UpdateAgentRuntime", "GetAgentRuntime", "InvokeAgentRuntime",
                "GetWorkloadAccessTokenForJWT", "IngestData");
    }
}
