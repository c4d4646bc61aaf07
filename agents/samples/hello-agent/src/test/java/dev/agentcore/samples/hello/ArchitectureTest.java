package dev.agentcore.samples.hello;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.agentcore", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule libraries_never_depend_on_samples = noClasses()
            .that().resideOutsideOfPackage("dev.agentcore.samples..")
            .should().dependOnClassesThat().resideInAPackage("dev.agentcore.samples..");

    /** The agent starts as fast as the lean core does: no framework between its main and the runtime core. */
    @ArchTest
    static final ArchRule the_samples_know_nothing_of_spring = noClasses()
            .that().resideInAPackage("dev.agentcore.samples..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_runtime_starter_knows_nothing_of_the_agent_kit = noClasses()
            .that().resideInAPackage("dev.agentcore.runtime..")
            .should().dependOnClassesThat().resideInAPackage("dev.agentcore.agent..");

    @ArchTest
    static final ArchRule the_agent_kit_knows_nothing_of_spring_or_the_runtime = noClasses()
            .that().resideInAPackage("dev.agentcore.agent..")
            .and().resideOutsideOfPackage("dev.agentcore.agent.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.agentcore.runtime..");

    /** Output must not depend on the server's default locale (Turkish lower-cases "I" to "ı", German writes 1,5). */
    @ArchTest
    static final ArchRule case_conversion_and_number_formatting_name_their_locale = noClasses()
            .should().callMethod(String.class, "toLowerCase")
            .orShould().callMethod(String.class, "toUpperCase")
            .orShould().callMethod(String.class, "format", String.class, Object[].class)
            .orShould().callMethod(String.class, "formatted", Object[].class)
            .because("Locale.ROOT keeps logs, errors and answers the same on every server");

    /**
     * Decisions and wire or display values come from an enum's own fields (a setting value, a wire name), never
     * from its constant's name: {@code name().toLowerCase()} or {@code valueOf(text.toUpperCase())} couple what
     * users type and read to Java identifiers.
     */
    @ArchTest
    static final ArchRule enum_constant_names_are_not_used_as_text = noClasses()
            .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("Enum.name() or an enum's valueOf(String)") {
                @Override
                public boolean test(JavaMethodCall call) {
                    var target = call.getTarget();
                    boolean onEnum = target.getOwner().isAssignableTo(Enum.class);
                    boolean name = target.getName().equals("name") && target.getRawParameterTypes().isEmpty();
                    boolean valueOf = target.getName().equals("valueOf") && target.getRawParameterTypes().size() == 1
                            && target.getRawParameterTypes().get(0).isEquivalentTo(String.class);
                    return onEnum && (name || valueOf);
                }
            });

    @ArchTest
    static final ArchRule no_cycles_between_modules = slices().matching("dev.agentcore.(*)..").should().beFreeOfCycles();
}
