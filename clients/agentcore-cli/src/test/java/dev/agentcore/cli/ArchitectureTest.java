package dev.agentcore.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** The invoke-client test-jar (shared test fixtures) is test code too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule the_cli_depends_on_nothing_from_spring =
            noClasses().that().resideInAPackage("dev.agentcore.cli..")
                    .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_library_never_depends_on_the_cli =
            noClasses().that().resideInAPackage("dev.agentcore.client..")
                    .should().dependOnClassesThat().resideInAPackage("dev.agentcore.cli..");

    @ArchTest
    static final ArchRule client_and_cli_packages_have_no_cycles =
            slices().matching("dev.agentcore.(client|cli).(*)..").should().beFreeOfCycles();

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
