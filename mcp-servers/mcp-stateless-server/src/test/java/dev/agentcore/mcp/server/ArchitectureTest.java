package dev.agentcore.mcp.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.mcp.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule typedToolsDependOnNothingFromSpringOrTheHttpLayer = noClasses()
            .that().resideInAPackage("..server.tools..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..",
                    "..server.http..");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.agentcore.mcp.server.(*)..")
            .should().beFreeOfCycles();
}
