package dev.agentcore.policylint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.policylint", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule policy_lint_depends_on_nothing_from_spring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..");

    /** The command line is policy-lint-cli's: the library stays free of its parser for in-process callers. */
    @ArchTest
    static final ArchRule the_library_knows_no_command_line_parser = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("picocli..");

    /** A regular expression's source is its display; a decision keyed on it breaks when the expression is reworded. */
    @ArchTest
    static final ArchRule no_decision_reads_a_regular_expressions_source = noClasses().should()
            .callMethod(java.util.regex.Pattern.class, "pattern");

    /**
     * Rules decide on a runtime's resource types through {@code RuntimeResourceType}, not on the catalog's name strings.
     * ActionResourceMismatch only compares catalog names with catalog names (an action's types with a resource's).
     */
    @ArchTest
    static final ArchRule rules_decide_on_runtime_resource_types_not_their_names = noClasses().that()
            .resideInAPackage("dev.agentcore.policylint.rule").and().doNotHaveSimpleName("RuntimeResourceType")
            .and().doNotHaveSimpleName("ActionResourceMismatch")
            .should().callMethod(dev.agentcore.core.iam.AgentCoreResourceType.class, "name");

    /** Case conversion and formatting follow Locale.ROOT: under a Turkish default, "I".toLowerCase() is a dotless ı. */
    @ArchTest
    static final ArchRule nothing_follows_the_default_locale = LocaleRules.NOTHING_FOLLOWS_THE_DEFAULT_LOCALE;

    @ArchTest
    static final ArchRule no_cycles_between_packages = slices().matching("dev.agentcore.policylint.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_the_runtime_package_talks_to_aws = noClasses().that()
            .resideOutsideOfPackage("dev.agentcore.policylint.runtime..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon..");

    @ArchTest
    static final ArchRule reading_files_knows_nothing_of_templates_or_rules = noClasses().that()
            .resideInAPackage("dev.agentcore.policylint.source..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.agentcore.policylint.template..",
                    "dev.agentcore.policylint.rule..", "dev.agentcore.policylint.config..");

    @ArchTest
    static final ArchRule every_rule_declares_its_info_as_data = classes().that()
            .resideInAPackage("dev.agentcore.policylint.rule").and().implement(dev.agentcore.policylint.rule.Rule.class)
            .should().haveOnlyFinalFields().andShould().bePublic();
}
