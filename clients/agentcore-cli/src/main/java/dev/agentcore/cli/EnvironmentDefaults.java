package dev.agentcore.cli;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;

/**
 * picocli's own environment defaults ({@code @Option(defaultValue = "${env:AGENTCORE_QUALIFIER}")}), read from the
 * CLI's {@link Environment} rather than {@code System.getenv}, so an in-process run (a test) sees exactly the
 * variables it was given. Options whose default is anything else keep picocli's handling.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final Environment env;

    EnvironmentDefaults(Environment env) {
        this.env = env;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        Optional<String> variable = declaredVariable(arg);
        if (variable.isEmpty()) {
            return null;
        }
        // NULL_VALUE: no default at all, rather than picocli falling back to the process environment.
        return env.variable(variable.get()).map(EnvironmentDefaults::literal).orElse(Option.NULL_VALUE);
    }

    /** The variable named by the option's {@code defaultValue = "${env:NAME}"}, read from the annotation itself. */
    static Optional<String> declaredVariable(ArgSpec arg) {
        if (!(arg.userObject() instanceof AnnotatedElement element) || element.getAnnotation(Option.class) == null) {
            return Optional.empty();
        }
        Matcher m = ENV.matcher(element.getAnnotation(Option.class).defaultValue());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** picocli interpolates what a provider returns; a value is taken as written (a password may contain "${"). */
    private static String literal(String value) {
        return value.replace("${", "$${");
    }
}
