package dev.agentcore.local.gateway;

import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * One AWS call as the gateway reads it, enough to name its IAM action and resource: the service (SigV4's signing
 * name), the operation, and the members the resource is built from.
 *
 * @param service    the credential scope's service ({@code logs}, {@code ecr}, {@code sts}, {@code bedrock})
 * @param operation  the operation's name ({@code PutLogEvents}); for a REST call, the rule's
 * @param protocol   how it came
 * @param jsonBody   the JSON body (awsJson1_1, restJson1), else an empty object
 * @param parameters the form's or query's parameters (awsQuery), else empty
 * @param pathLabels the labels of a REST path ({@code modelId}), percent-decoded
 * @param region     the credential scope's region
 * @param accountId  the local AWS's account
 */
public record OperationCall(String service, String operation, AwsProtocol protocol, JsonNode jsonBody,
                            Map<String, String> parameters, Map<String, String> pathLabels, String region,
                            String accountId) {

    public OperationCall {
        parameters = Map.copyOf(parameters);
        pathLabels = Map.copyOf(pathLabels);
    }

    /** A string member of the JSON body, when it is one. */
    public Optional<String> member(String name) {
        JsonNode node = jsonBody.path(name);
        return node.isString() && !node.asString().isEmpty() ? Optional.of(node.asString()) : Optional.empty();
    }

    public String label(String name) {
        String value = pathLabels.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the call has no path label " + name);
        }
        return value;
    }
}
