package dev.agentcore.samples.coach;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.samples.coach", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The formulas and their rounding live in fitness-formulas, shared with fitness-mcp, so both answer alike. */
    @ArchTest
    static final ArchRule the_formulas_come_from_the_shared_library = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName(Math.class.getName());

    /** The coach starts as fast as the lean core does: no framework between its main and the runtime core. */
    @ArchTest
    static final ArchRule the_coach_knows_nothing_of_spring = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");
}
