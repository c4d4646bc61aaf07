package dev.agentcore.policylint.source;

/**
 * A key defined twice in one mapping. CloudFormation accepts the template and keeps the last definition, so the
 * reader keeps it too ({@code duplicate}'s value) and reports that {@code first}'s value is silently dropped.
 */
public record DuplicateKey(ScalarNode first, ScalarNode duplicate) {
}
