package dev.agentcore.policylint;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.text.NumberFormat;

import com.tngtech.archunit.lang.ArchRule;

/** The calls whose result depends on the default locale; their overloads that take a Locale are the ones to use. */
final class LocaleRules {

    static final ArchRule NOTHING_FOLLOWS_THE_DEFAULT_LOCALE = noClasses().should()
            .callMethod(String.class, "toLowerCase")
            .orShould().callMethod(String.class, "toUpperCase")
            .orShould().callMethod(String.class, "format", String.class, Object[].class)
            .orShould().callMethod(String.class, "formatted", Object[].class)
            .orShould().callMethod(PrintStream.class, "printf", String.class, Object[].class)
            .orShould().callMethod(PrintStream.class, "format", String.class, Object[].class)
            .orShould().callMethod(PrintWriter.class, "printf", String.class, Object[].class)
            .orShould().callMethod(PrintWriter.class, "format", String.class, Object[].class)
            .orShould().callMethod(NumberFormat.class, "getInstance")
            .orShould().callMethod(NumberFormat.class, "getNumberInstance")
            .because("policy-lint's output and its case-insensitive matching must not change with the user's locale");

    private LocaleRules() {
    }
}
