package dev.agentcore.core.iam.evaluation;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The condition operators of the IAM User Guide ("IAM JSON policy elements: Condition operators"), without their
 * {@code ...IfExists} suffix and {@code ForAnyValue:}/{@code ForAllValues:} prefix (see {@link ConditionClause}).
 * A negated operator is the NOR of its positive form over the policy values ("If a single negated matching condition
 * operator includes multiple values for a context key, those values are evaluated using a logical NOR").
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", ValueType.STRING, Comparison.EQUALS, false),
    STRING_NOT_EQUALS("StringNotEquals", ValueType.STRING, Comparison.EQUALS, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", ValueType.STRING, Comparison.EQUALS_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", ValueType.STRING, Comparison.EQUALS_IGNORE_CASE, true),
    STRING_LIKE("StringLike", ValueType.STRING, Comparison.LIKE, false),
    STRING_NOT_LIKE("StringNotLike", ValueType.STRING, Comparison.LIKE, true),
    NUMERIC_EQUALS("NumericEquals", ValueType.NUMERIC, Comparison.EQUALS, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", ValueType.NUMERIC, Comparison.EQUALS, true),
    NUMERIC_LESS_THAN("NumericLessThan", ValueType.NUMERIC, Comparison.LESS_THAN, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", ValueType.NUMERIC, Comparison.LESS_THAN_EQUALS, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", ValueType.NUMERIC, Comparison.GREATER_THAN, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", ValueType.NUMERIC, Comparison.GREATER_THAN_EQUALS, false),
    DATE_EQUALS("DateEquals", ValueType.DATE, Comparison.EQUALS, false),
    DATE_NOT_EQUALS("DateNotEquals", ValueType.DATE, Comparison.EQUALS, true),
    DATE_LESS_THAN("DateLessThan", ValueType.DATE, Comparison.LESS_THAN, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", ValueType.DATE, Comparison.LESS_THAN_EQUALS, false),
    DATE_GREATER_THAN("DateGreaterThan", ValueType.DATE, Comparison.GREATER_THAN, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", ValueType.DATE, Comparison.GREATER_THAN_EQUALS, false),
    BOOL("Bool", ValueType.BOOL, Comparison.EQUALS_IGNORE_CASE, false),
    BINARY_EQUALS("BinaryEquals", ValueType.BINARY, Comparison.EQUALS, false),
    IP_ADDRESS("IpAddress", ValueType.IP, Comparison.EQUALS, false),
    NOT_IP_ADDRESS("NotIpAddress", ValueType.IP, Comparison.EQUALS, true),
    // "The ArnEquals and ArnLike condition operators behave identically": both take wildcards per component.
    ARN_EQUALS("ArnEquals", ValueType.ARN, Comparison.LIKE, false),
    ARN_LIKE("ArnLike", ValueType.ARN, Comparison.LIKE, false),
    ARN_NOT_EQUALS("ArnNotEquals", ValueType.ARN, Comparison.LIKE, true),
    ARN_NOT_LIKE("ArnNotLike", ValueType.ARN, Comparison.LIKE, true),
    NULL("Null", ValueType.NULL, Comparison.EQUALS, false);

    enum ValueType {
        STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL;

        /** Policy variables are substituted only for string and ARN operators ("Where you can use policy variables"). */
        boolean takesVariables() {
            return this == STRING || this == ARN;
        }
    }

    enum Comparison {
        EQUALS, EQUALS_IGNORE_CASE, LIKE, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

        boolean holds(int order) {
            return switch (this) {
                case LESS_THAN -> order < 0;
                case LESS_THAN_EQUALS -> order <= 0;
                case GREATER_THAN -> order > 0;
                case GREATER_THAN_EQUALS -> order >= 0;
                default -> order == 0;
            };
        }
    }

    private static final Map<String, ConditionOperator> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.wireName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String wireName;
    private final ValueType valueType;
    private final Comparison comparison;
    private final boolean negated;

    ConditionOperator(String wireName, ValueType valueType, Comparison comparison, boolean negated) {
        this.wireName = wireName;
        this.valueType = valueType;
        this.comparison = comparison;
        this.negated = negated;
    }

    /** The operator named {@code name} (no prefix, no IfExists), or null. */
    static ConditionOperator named(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    String wireName() {
        return wireName;
    }

    ValueType valueType() {
        return valueType;
    }

    Comparison comparison() {
        return comparison;
    }

    boolean negated() {
        return negated;
    }
}
