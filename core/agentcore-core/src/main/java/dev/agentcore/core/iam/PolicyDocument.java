package dev.agentcore.core.iam;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An IAM policy document: identity, resource or trust policy. */
public record PolicyDocument(
        @JsonProperty("Version") String version,
        @JsonProperty("Id") String id,
        @JsonProperty("Statement") List<Statement> statement) {

    public PolicyDocument {
        statement = statement == null ? List.of() : List.copyOf(statement);
    }

    /**
     * True when some Allow statement covers {@code action} on {@code arn} and no Deny statement does. Conditions are
     * assumed to hold: this answers "can it ever be allowed", which is what a linter needs.
     */
    public boolean allows(String action, String arn) {
        boolean allowed = false;
        for (Statement s : statement) {
            if (s.coversAction(action) && s.coversResource(arn)) {
                if (s.effect() == Effect.Deny && s.condition().isEmpty()) {
                    return false;
                }
                allowed |= s.effect() == Effect.Allow;
            }
        }
        return allowed;
    }
}
