package dev.agentcore.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.infra", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule no_cycles_between_packages = slices().matching("dev.agentcore.infra.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_cfn_lint_runner_and_the_deploy_plan_do_not_know_each_other = noClasses()
            .that().resideInAPackage("dev.agentcore.infra.cfnlint..")
            .should().dependOnClassesThat().resideInAPackage("dev.agentcore.infra.stacks..");

    @ArchTest
    static final ArchRule the_deploy_plan_needs_no_docker = noClasses()
            .that().resideInAPackage("dev.agentcore.infra.stacks..")
            .should().dependOnClassesThat().resideInAnyPackage("org.testcontainers..", "dev.agentcore.infra.cfnlint..");

    @ArchTest
    static final ArchRule only_the_container_runner_touches_testcontainers = noClasses()
            .that().doNotHaveSimpleName("ContainerCfnLint").and().doNotHaveSimpleName("CfnLintRunner")
            .should().dependOnClassesThat().resideInAPackage("org.testcontainers..");

    @ArchTest
    static final ArchRule validation_is_plain_java_without_spring = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");
}
