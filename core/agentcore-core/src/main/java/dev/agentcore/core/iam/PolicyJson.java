package dev.agentcore.core.iam;

import java.io.InputStream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads policy documents from JSON; single values and lists are both accepted wherever IAM accepts both. */
public final class PolicyJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PolicyJson() {
    }

    /** @throws JacksonException with the line and column of the first problem */
    public static PolicyDocument read(String json) {
        return MAPPER.readValue(json, PolicyDocument.class);
    }

    public static PolicyDocument read(InputStream json) {
        return MAPPER.readValue(json, PolicyDocument.class);
    }
}
