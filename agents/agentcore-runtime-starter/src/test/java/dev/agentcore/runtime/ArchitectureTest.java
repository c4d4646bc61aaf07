package dev.agentcore.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_starter_knows_nothing_of_the_agent_kit_or_the_samples = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.agentcore.agent..", "dev.agentcore.samples..");

    @ArchTest
    static final ArchRule the_public_api_does_not_depend_on_the_starters_internals = noClasses()
            .that().resideInAPackage("dev.agentcore.runtime")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.agentcore.runtime.invocation..", "dev.agentcore.runtime.health..",
                    "dev.agentcore.runtime.autoconfigure..");

    @ArchTest
    static final ArchRule the_public_api_is_plain_java = noClasses()
            .that().resideInAPackage("dev.agentcore.runtime")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..");

    /**
     * The starter is an adapter: the HTTP contract (server, routes, payloads, JSON and SSE, limits) is the core's, so
     * nothing here serves HTTP or speaks a servlet container's API. Only the core's BindAddress, the one container
     * decision, is used from the HTTP module.
     */
    @ArchTest
    static final ArchRule the_starter_serves_no_http_itself = noClasses()
            .that().resideOutsideOfPackage("dev.agentcore.runtime.core..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.apache.catalina..",
                    "org.springframework.web.servlet..", "org.springframework.web.socket..")
            .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.agentcore.http..")
                    .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("BindAddress"))));

    @ArchTest
    static final ArchRule no_cycles_between_packages = slices().matching("dev.agentcore.runtime.(*)..")
            .should().beFreeOfCycles();
}
