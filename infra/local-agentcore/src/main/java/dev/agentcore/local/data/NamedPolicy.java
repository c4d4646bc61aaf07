package dev.agentcore.local.data;

import dev.agentcore.core.iam.PolicyDocument;

/**
 * One identity-based policy of a role or user: an inline policy by its name, or a managed policy by its ARN.
 */
public record NamedPolicy(String name, PolicyDocument document) {
}
