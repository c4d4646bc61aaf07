package dev.agentcore.iam;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.agentcore.iam", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_model_depends_on_nothing_from_spring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_model_holds_no_linter_logic = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.agentcore.policylint..");

    @ArchTest
    static final ArchRule the_model_does_no_io_beyond_reading_its_catalog = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("java.nio.file..", "java.net..", "software.amazon..");
}
