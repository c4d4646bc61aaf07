package dev.agentcore.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_invoke_client_depends_on_nothing_from_spring =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_library_never_depends_on_the_cli =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.agentcore.cli..", "picocli..");

    @ArchTest
    static final ArchRule packages_have_no_cycles =
            slices().matching("dev.agentcore.client.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule reports_and_http_views_know_nothing_of_invoking_or_tokens =
            noClasses().that().resideInAnyPackage("dev.agentcore.client.report..", "dev.agentcore.client.http..")
                    .should().dependOnClassesThat().resideInAnyPackage("dev.agentcore.client.invoke..",
                            "dev.agentcore.client.auth..", "dev.agentcore.client.diagnosis..", "dev.agentcore.client.mcp..");

    @ArchTest
    static final ArchRule invoking_does_not_depend_on_diagnosing =
            noClasses().that().resideInAnyPackage("dev.agentcore.client.invoke..", "dev.agentcore.client.auth..",
                    "dev.agentcore.client.mcp..").should().dependOnClassesThat().resideInAPackage("dev.agentcore.client.diagnosis..");

    /** Every cause a report shows names its rule (issue 9): only CauseRule makes LikelyCauses, from a rule's info. */
    @ArchTest
    static final ArchRule only_cause_rules_construct_likely_causes =
            noClasses().that().doNotHaveFullyQualifiedName("dev.agentcore.client.report.CauseRule")
                    .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                            com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                    com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(
                                            "dev.agentcore.client.report.LikelyCause"))))
                    .because("a cause without a rule has no id, no documentation and no fixture");
}
