package dev.agentcore.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The core is what every module depends on, policy-lint's start-up included: it must stay small and plain. */
@AnalyzeClasses(packages = "dev.agentcore.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_core_depends_only_on_the_jdk_jackson_automata_and_the_sdk_arn_type = classes().should()
            .onlyDependOnClassesThat().resideInAnyPackage("dev.agentcore.core..", "java..", "tools.jackson..",
                    "com.fasterxml.jackson.annotation..", "dk.brics.automaton..", "software.amazon.awssdk.arns..");

    @ArchTest
    static final ArchRule the_iam_model_does_no_io = noClasses().that().resideInAPackage("dev.agentcore.core.iam..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net..");

    @ArchTest
    static final ArchRule only_the_state_package_touches_files = noClasses()
            .that().resideOutsideOfPackage("dev.agentcore.core.state..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..");
}
