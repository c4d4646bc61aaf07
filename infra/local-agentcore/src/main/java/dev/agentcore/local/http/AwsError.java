package dev.agentcore.local.http;

import java.util.Map;

/**
 * An error as an AWS restJson1 service answers it: the HTTP status, the error type in the {@code x-amzn-ErrorType}
 * header, and a JSON body with {@code message} plus any members the error shape adds (for example
 * ValidationException's {@code reason}).
 *
 * @param status  the HTTP status the service model gives the error shape
 * @param type    the shape name, e.g. {@code ValidationException}
 * @param message the text AWS writes, as far as it is known (each caller says where its text comes from)
 * @param members further members of the error body, written after {@code message}
 */
public record AwsError(int status, String type, String message, Map<String, Object> members) {

    public AwsError {
        members = Map.copyOf(members);
    }

    public static AwsError of(int status, String type, String message) {
        return new AwsError(status, type, message, Map.of());
    }

    public AwsError with(String member, Object value) {
        var more = new java.util.LinkedHashMap<>(members);
        more.put(member, value);
        return new AwsError(status, type, message, more);
    }

    /** Thrown to answer with this error. */
    public AwsErrorException exception() {
        return new AwsErrorException(this);
    }
}
