package dev.agentcore.mcp.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.mcp.testing", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The clients drive servers from outside, over HTTP, so they know nothing of how a server is built. */
    @ArchTest
    static final ArchRule theClientsKnowNothingOfSpringOrTheServers = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.agentcore.mcp.server..",
                    "io.modelcontextprotocol.server..");
}
