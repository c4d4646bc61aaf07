package dev.agentcore.agent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.agent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_agent_kit_depends_on_nothing_from_spring = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_agent_kit_knows_nothing_of_the_runtime_starter_or_samples = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("dev.agentcore.runtime..", "..samples..");

    @ArchTest
    static final ArchRule packages_of_the_agent_kit_have_no_cycles = slices()
            .matching("dev.agentcore.agent.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule model_providers_are_used_only_through_the_model_interface = noClasses()
            .that().resideInAnyPackage("dev.agentcore.agent", "dev.agentcore.agent.tool..", "dev.agentcore.agent.conversation..",
                    "dev.agentcore.agent.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.agentcore.agent.bedrock..",
                    "dev.agentcore.agent.openai..", "dev.agentcore.agent.offline..", "software.amazon.awssdk..");

    @ArchTest
    static final ArchRule the_model_contract_knows_nothing_of_the_agent_loop = noClasses()
            .that().resideInAnyPackage("dev.agentcore.agent.model..", "dev.agentcore.agent.tool..",
                    "dev.agentcore.agent.conversation..", "dev.agentcore.agent.channel..")
            .should().dependOnClassesThat().haveFullyQualifiedName(Agent.class.getName());
}
