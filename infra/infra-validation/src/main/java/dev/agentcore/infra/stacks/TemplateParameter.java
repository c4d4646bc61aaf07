package dev.agentcore.infra.stacks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parameter a template declares, with the constraints CloudFormation enforces on its value. Lets a value be
 * checked before a deployment rather than by a failed change set.
 */
public record TemplateParameter(
        String name,
        String type,
        Optional<String> defaultValue,
        Optional<String> allowedPattern,
        List<String> allowedValues,
        Optional<Integer> minLength,
        Optional<Integer> maxLength,
        Optional<BigDecimal> minValue,
        Optional<BigDecimal> maxValue) {

    public TemplateParameter {
        allowedValues = List.copyOf(allowedValues);
    }

    public boolean hasDefault() {
        return defaultValue.isPresent();
    }

    /** Why CloudFormation would reject this value, or empty if it would accept it. */
    public Optional<String> violation(String value) {
        if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
            return Optional.of("'" + value + "' is not one of " + allowedValues);
        }
        if ("Number".equals(type)) {
            return numberViolation(value);
        }
        if (type.startsWith("List<") || "CommaDelimitedList".equals(type)) {
            return Optional.empty();
        }
        if (allowedPattern.isPresent() && !matches(allowedPattern.get(), value)) {
            return Optional.of("'" + value + "' does not match " + allowedPattern.get());
        }
        if (minLength.isPresent() && value.length() < minLength.get()) {
            return Optional.of("'" + value + "' is shorter than " + minLength.get() + " characters");
        }
        if (maxLength.isPresent() && value.length() > maxLength.get()) {
            return Optional.of("'" + value + "' is longer than " + maxLength.get() + " characters");
        }
        return Optional.empty();
    }

    private Optional<String> numberViolation(String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return Optional.of("'" + value + "' is not a number");
        }
        if (minValue.isPresent() && number.compareTo(minValue.get()) < 0) {
            return Optional.of(value + " is less than " + minValue.get().toPlainString());
        }
        if (maxValue.isPresent() && number.compareTo(maxValue.get()) > 0) {
            return Optional.of(value + " is more than " + maxValue.get().toPlainString());
        }
        return Optional.empty();
    }

    // CloudFormation matches AllowedPattern against the whole value, anchors or not.
    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return true; // reported once, as a template problem, by CloudFormationTemplate
        }
    }
}
