package dev.agentcore.localoauth.pool;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Cognito user pool id, {@code <region>_<suffix>} ({@code us-east-1_AbCdEf123}). The region is part of the id, and
 * so of the issuer URL.
 */
public record UserPoolId(String value) {

    // Cognito's UserPoolIdType pattern: [\w-]+_[0-9a-zA-Z]+
    private static final Pattern FORMAT = Pattern.compile("([a-z]{2}(?:-[a-z]+)+-\\d+)_([0-9a-zA-Z]+)");

    public UserPoolId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a user pool id: '" + value
                    + "' (expected <region>_<letters and digits>, like us-east-1_AbCdEf123)");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public static UserPoolId of(String value) {
        return new UserPoolId(value);
    }

    public String region() {
        return value.substring(0, value.indexOf('_')).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
