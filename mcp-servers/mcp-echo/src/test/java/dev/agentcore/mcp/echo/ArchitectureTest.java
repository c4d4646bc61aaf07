package dev.agentcore.mcp.echo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.mcp.echo", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theEchoToolDependsOnNothingFromSpringOrTheSdk = noClasses()
            .that().haveSimpleNameStartingWith("Echo").and().haveSimpleNameNotEndingWith("Application")
            // What Spring's process-aot generates for the application (EchoServerApplication__*) is Spring's.
            .and().haveSimpleNameNotStartingWith("EchoServerApplication__")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.modelcontextprotocol..");
}
