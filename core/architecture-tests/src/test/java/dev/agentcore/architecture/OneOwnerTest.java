package dev.agentcore.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import software.amazon.awssdk.arns.Arn;

/**
 * Each AgentCore domain fact has one owner, the core (core/agentcore-core); every other module calls it. These rules
 * keep a second ARN parser or state-file reader from growing back in a module that needs one "just here".
 */
@AnalyzeClasses(packages = "dev.agentcore", importOptions = ImportOption.DoNotIncludeTests.class)
class OneOwnerTest {

    @ArchTest
    static final ArchRule arn_types_live_in_the_core = classes().that().haveSimpleNameEndingWith("Arn")
            .or().haveSimpleNameContaining("ArnException")
            .and().resideOutsideOfPackage("dev.agentcore.policylint.rule..") // rules are named after what they find
            .should().resideInAPackage("dev.agentcore.core.arn..")
            .because("an ARN format is a domain fact: RuntimeArn, RuntimeEndpointArn and WorkloadIdentityArn own them");

    @ArchTest
    static final ArchRule only_the_core_parses_or_builds_arns = noClasses()
            .that().resideOutsideOfPackage("dev.agentcore.core..")
            .should().callMethod(Arn.class, "fromString", String.class)
            .orShould().callMethod(Arn.class, "tryFromString", String.class)
            .orShould().callMethod(Arn.class, "builder")
            .because("ARNs are split and built by dev.agentcore.core.arn (AgentCoreArns.split, RuntimeArn.parse)");

    @ArchTest
    static final ArchRule state_file_types_live_in_the_core = classes().that().haveSimpleNameContaining("StateFile")
            .should().resideInAPackage("dev.agentcore.core.state..")
            .because("StateFile.read and StateFile.write are the one reader and writer of .agentcore/state.json");

    @ArchTest
    static final ArchRule only_the_core_constructs_the_state_file = noClasses()
            .that().resideOutsideOfPackage("dev.agentcore.core.state..")
            .should().callConstructor(dev.agentcore.core.state.StateFile.class, Integer.class, String.class,
                    String.class, java.util.List.class, dev.agentcore.core.state.CognitoSettings.class)
            .because("a state file is made with StateFile.of (the current version) and changed with withRuntime");
}
