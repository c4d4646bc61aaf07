package dev.agentcore.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
     * {@code InvocationEndpoint} only routes: decoding the body, debug actions, server-sent events, entity
     * bodies and error mapping each live in a class of their own, so none of their tools appear in it.
     */
    @ArchTest
    static final ArchRule the_invocation_endpoint_only_routes = noClasses()
            .that().haveFullyQualifiedName("dev.agentcore.runtime.invocation.InvocationEndpoint")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio..", "tools.jackson.core..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.OutputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.agentcore.runtime.PingStatus")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.HttpStatus")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                    "org.springframework.web.server.ResponseStatusException");

    @ArchTest
    static final ArchRule no_cycles_between_packages = slices().matching("dev.agentcore.runtime.(*)..")
            .should().beFreeOfCycles();
}
