package dev.agentcore.mcp.fitness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.mcp.fitness", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The formulas and their rounding live in fitness-formulas, shared with the coach agent, so both answer alike. */
    @ArchTest
    static final ArchRule theFormulasComeFromTheSharedLibrary = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName(Math.class.getName());

    @ArchTest
    static final ArchRule toolsResourcesAndPromptsDependOnNothingFromSpring = noClasses()
            .that().resideInAnyPackage("..fitness.tools..", "..fitness.guides..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("dev.agentcore.mcp.fitness.(*)..")
            .should().beFreeOfCycles();
}
