package dev.agentcore.core.iam.evaluation;

import dev.agentcore.core.iam.WildcardPattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import dev.agentcore.core.iam.evaluation.ConditionOperator.Comparison;
import dev.agentcore.core.iam.evaluation.ConditionOperator.ValueType;

/**
 * One condition key under one operator, compiled once: {@code "ForAnyValue:StringLikeIfExists": {"aws:TagKeys":
 * ["team*"]}}. The values of one key are ORed (NORed for a negated operator); a statement's clauses are ANDed.
 *
 * <p>A key missing from the request (IAM User Guide, "Condition operators", the Important note): the condition is
 * false for a positive operator and <em>true</em> for a negated one such as {@code StringNotEquals} or
 * {@code ArnNotLike}; with {@code ...IfExists} it is true whatever the operator ("If the key is not present, evaluate
 * the condition element as true"); {@code Null} tests presence itself. With a set operator a missing key, or one whose
 * values "resolve to an empty data set (for example, an empty string)", makes {@code ForAllValues} true and
 * {@code ForAnyValue} false ("Creating a condition with multiple keys or values").
 */
final class ConditionClause {

    enum SetQualifier {
        NONE(""), FOR_ANY_VALUE("ForAnyValue:"), FOR_ALL_VALUES("ForAllValues:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }
    }

    /** One policy value, compiled for its operator's type: does this context value match it (positively)? */
    @FunctionalInterface
    private interface ValueTest {
        boolean matches(String contextValue, AuthorizationRequest request, Trace trace);
    }

    private static final String IF_EXISTS = "ifexists";

    private final String operatorText;
    private final String key;
    private final String lowerKey;
    private final ConditionOperator operator;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final ValueTest[] tests;
    /** For {@code Null}: the presence each policy value asks for ({@code true} = absent), null entries unreadable. */
    private final Boolean[] nullTests;

    private ConditionClause(String operatorText, String key, ConditionOperator operator, SetQualifier qualifier,
            boolean ifExists, ValueTest[] tests, Boolean[] nullTests) {
        this.operatorText = operatorText;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.tests = tests;
        this.nullTests = nullTests;
    }

    static ConditionClause compile(String operatorText, String key, List<String> values, boolean variables,
            ProblemSink problems) {
        String rest = operatorText.trim();
        SetQualifier qualifier = SetQualifier.NONE;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && rest.regionMatches(true, 0, q.prefix, 0, q.prefix.length())) {
                qualifier = q;
                rest = rest.substring(q.prefix.length());
                break;
            }
        }
        boolean ifExists = rest.toLowerCase(Locale.ROOT).endsWith(IF_EXISTS);
        ConditionOperator operator = ConditionOperator.named(ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest);
        String refusal = null;
        if (operator == null) {
            refusal = "'" + operatorText + "' is not an IAM condition operator";
        } else if (operator == ConditionOperator.NULL && ifExists) {
            refusal = "'" + operatorText + "': IfExists cannot be added to Null";
        } else if (operator == ConditionOperator.NULL && qualifier != SetQualifier.NONE) {
            refusal = "'" + operatorText + "': Null tests presence and takes no set operator";
        }
        if (refusal != null) {
            problems.report(EvaluationNote.Kind.UNSUPPORTED_OPERATOR, refusal + "; the statement never applies");
            return new ConditionClause(operatorText, key, null, qualifier, ifExists, new ValueTest[0], null);
        }
        if (operator == ConditionOperator.NULL) {
            Boolean[] nullTests = new Boolean[values.size()];
            for (int i = 0; i < nullTests.length; i++) {
                nullTests[i] = bool(values.get(i));
                if (nullTests[i] == null) {
                    problems.report(EvaluationNote.Kind.INVALID_CONDITION_VALUE,
                            "Null takes true or false, not '" + values.get(i) + "' (key " + key + ")");
                }
            }
            return new ConditionClause(operatorText, key, operator, qualifier, false, new ValueTest[0], nullTests);
        }
        ValueTest[] tests = new ValueTest[values.size()];
        for (int i = 0; i < tests.length; i++) {
            tests[i] = test(operator, values.get(i), variables && operator.valueType().takesVariables(), key, problems);
        }
        return new ConditionClause(operatorText, key, operator, qualifier, ifExists, tests, null);
    }

    private static ValueTest test(ConditionOperator operator, String value, boolean variables, String key,
            ProblemSink problems) {
        Comparison comparison = operator.comparison();
        ValueType type = operator.valueType();
        return switch (type) {
            case STRING -> {
                Template t = Template.parse(value, variables, comparison == Comparison.LIKE,
                        d -> problems.report(EvaluationNote.Kind.MALFORMED_VARIABLE, d));
                yield switch (comparison) {
                    case LIKE -> (v, r, tr) -> {
                        WildcardPattern p = t.resolve(r, tr);
                        return p != null && p.matches(v, false);
                    };
                    case EQUALS_IGNORE_CASE -> (v, r, tr) -> {
                        WildcardPattern p = t.resolve(r, tr);
                        return p != null && p.text().equalsIgnoreCase(v);
                    };
                    default -> (v, r, tr) -> {
                        WildcardPattern p = t.resolve(r, tr);
                        return p != null && p.text().equals(v);
                    };
                };
            }
            case ARN -> {
                ArnGlob glob = ArnGlob.parse(value, variables, false, problems);
                yield (v, r, tr) -> glob.matches(ArnText.of(v), r, tr);
            }
            case NUMERIC -> {
                BigDecimal policy = number(value);
                if (policy == null) {
                    yield invalid(problems, operator, key, value, "a number");
                }
                yield (v, r, tr) -> {
                    BigDecimal actual = number(v);
                    return actual != null && comparison.holds(actual.compareTo(policy));
                };
            }
            case DATE -> {
                Instant policy = IamDates.parse(value);
                if (policy == null) {
                    yield invalid(problems, operator, key, value, "an ISO 8601 date or epoch seconds");
                }
                yield (v, r, tr) -> {
                    Instant actual = IamDates.parse(v);
                    return actual != null && comparison.holds(actual.compareTo(policy));
                };
            }
            case BOOL -> {
                Boolean policy = bool(value);
                if (policy == null) {
                    yield invalid(problems, operator, key, value, "true or false");
                }
                yield (v, r, tr) -> policy.equals(bool(v));
            }
            case BINARY -> {
                byte[] policy = base64(value);
                if (policy == null) {
                    yield invalid(problems, operator, key, value, "base-64");
                }
                yield (v, r, tr) -> Arrays.equals(policy, base64(v));
            }
            case IP -> {
                IpRange policy = IpRange.parse(value);
                if (policy == null) {
                    yield invalid(problems, operator, key, value, "an IPv4 or IPv6 address or CIDR block");
                }
                yield (v, r, tr) -> {
                    IpRange actual = IpRange.parseAddress(v);
                    return actual != null && policy.contains(actual);
                };
            }
            case NULL -> throw new IllegalStateException("Null is compiled apart");
        };
    }

    private static ValueTest invalid(ProblemSink problems, ConditionOperator operator, String key, String value,
            String expected) {
        problems.report(EvaluationNote.Kind.INVALID_CONDITION_VALUE, operator.wireName() + " on " + key + " takes "
                + expected + ", not '" + value + "': that value never matches");
        return (v, r, tr) -> false;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when an operator is not IAM's: the whole statement then never applies. */
    boolean unsupported() {
        return operator == null;
    }

    /** {@code StringEquals aws:SourceAccount}, for near-miss details. */
    String describe() {
        return operatorText + " " + key;
    }

    boolean holds(AuthorizationRequest request, Trace trace) {
        if (operator == null) {
            return false;
        }
        List<String> values = request.valuesOf(lowerKey);
        if (operator == ConditionOperator.NULL) {
            boolean absent = values == null || values.isEmpty();
            for (Boolean wantsAbsent : nullTests) {
                if (wantsAbsent != null && wantsAbsent == absent) {
                    return true;
                }
            }
            return false;
        }
        boolean missing = values == null || values.isEmpty()
                || qualifier != SetQualifier.NONE && values.size() == 1 && values.getFirst().isEmpty();
        if (missing) {
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> operator.negated();
            };
        }
        boolean negated = operator.negated();
        switch (qualifier) {
            case FOR_ANY_VALUE -> {
                for (String v : values) {
                    if (anyPolicyValueMatches(v, request, trace) != negated) {
                        return true;
                    }
                }
                return false;
            }
            case FOR_ALL_VALUES -> {
                for (String v : values) {
                    if (anyPolicyValueMatches(v, request, trace) == negated) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                // Without a set operator a multivalued key matches when any of its values does (and a negated
                // operator when none does), the single-valued rule applied value by value.
                for (String v : values) {
                    if (anyPolicyValueMatches(v, request, trace)) {
                        return !negated;
                    }
                }
                return negated;
            }
        }
    }

    private boolean anyPolicyValueMatches(String contextValue, AuthorizationRequest request, Trace trace) {
        for (ValueTest t : tests) {
            if (t.matches(contextValue, request, trace)) {
                return true;
            }
        }
        return false;
    }
}
