package dev.agentcore.local.data;

import java.util.List;
import java.util.Map;

import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.http.AwsError;
import dev.agentcore.localoauth.authorizer.HttpAnswer;

/**
 * The errors InvokeAgentRuntime answers, with the status of the model's error shape (bedrock-agentcore 2024-02-28:
 * ValidationException 400, AccessDeniedException 403, ResourceNotFoundException 404, RuntimeClientError 424) and the
 * text AWS writes where it is known. Each says where its text comes from.
 */
public final class InvocationErrors {

    private InvocationErrors() {
    }

    /**
     * An unknown runtime, or one with no endpoint of that qualifier (or one that serves no version yet). AWS answers all
     * of these alike; the text is quoted by many deploy guides and issues (for example a runtime invoked in another
     * region, a deleted runtime, a harness ARN given to InvokeAgentRuntime): "No endpoint or agent found with qualifier
     * 'DEFAULT' for agent arn:...".
     */
    public static AwsError notFound(String qualifier, String agent) {
        return AwsError.of(404, "ResourceNotFoundException",
                "No endpoint or agent found with qualifier '" + qualifier + "' for agent " + agent);
    }

    /**
     * A session id outside 33..256 characters. AWS's request validation form (as the control plane writes it); the
     * value is not shown since the model's SessionType is an idempotency token a caller may treat as a secret.
     */
    public static AwsError sessionIdLength(String value) {
        int length = value.codePointCount(0, value.length());
        String constraint = length < SessionId.MIN_LENGTH
                ? "Member must have length greater than or equal to " + SessionId.MIN_LENGTH
                : "Member must have length less than or equal to " + SessionId.MAX_LENGTH;
        return validation("1 validation error detected: Value at 'runtimeSessionId' failed to satisfy constraint: "
                + constraint, "runtimeSessionId");
    }

    /**
     * A runtime whose version does not set {@code metadataConfiguration.requireMMDSV2}: since 2026-06-30 AgentCore
     * refuses to invoke it. The text is the AgentCore developer guide's ("Troubleshoot AgentCore Runtime": 'My agent
     * invocations fail with "This runtime is not MMDSv2-enabled" ValidationException').
     */
    public static AwsError notMmdsV2Enabled() {
        return validation("This runtime is not MMDSv2-enabled", "metadataConfiguration.requireMMDSV2");
    }

    /**
     * The container answered a status of 400 or more: AgentCore drops its body and answers 424 RuntimeClientError
     * "Received error (STATUS) from runtime. Please check your CloudWatch logs for more information." (the developer
     * guide's troubleshooting page, "I need help understanding HTTP error codes", and many transcripts).
     */
    public static AwsError containerError(int status) {
        return AwsError.of(424, "RuntimeClientError", "Received error (" + status
                + ") from runtime. Please check your CloudWatch logs for more information.");
    }

    /**
     * No container answered {@code /ping} in time, which is also what a container that exits while starting looks like
     * (transcripts show an ImportError at start-up answered this way): 424 RuntimeClientError "Runtime initialization
     * time exceeded. Please make sure that initialization completes in 30s." (quoted by many deploy logs, most often
     * as RuntimeClientError).
     */
    public static AwsError initializationTimeExceeded() {
        return AwsError.of(424, "RuntimeClientError",
                "Runtime initialization time exceeded. Please make sure that initialization completes in 30s.");
    }

    /**
     * What the caller gets when no container serves its session. A container that exits while starting looks, to
     * AgentCore's callers, like one that never answers (see {@link #initializationTimeExceeded()}). The other texts are
     * local: AWS's wording for them is not known, so they say plainly what happened, never with credentials or paths.
     */
    public static AwsError forHostFailure(SessionHostException.Failure failure) {
        return switch (failure) {
            case INITIALIZATION_TIMEOUT, START_FAILED -> initializationTimeExceeded();
            // The runtime's own fault (its image), so a 424 as for other runtime problems.
            case IMAGE_UNUSABLE -> AwsError.of(424, "RuntimeClientError",
                    "The runtime's container image cannot be run. Please check the image in the runtime's containerUri.");
            // The model's ThrottlingException (429): the local runner's concurrent-session limit stands in for the
            // service's session quota.
            case SESSION_LIMIT_REACHED -> AwsError.of(429, "ThrottlingException",
                    "Too many concurrent runtime sessions. Stop a session (StopRuntimeSession) or retry later.");
            case HOST_FAILURE -> AwsError.of(500, "InternalServerException",
                    "The local AgentCore cannot start runtime sessions on this host. See its log for the cause.");
            // The developer guide files execution-role problems under "RuntimeClientError (403)"; the text is local.
            case EXECUTION_ROLE_REFUSED -> AwsError.of(403, "RuntimeClientError",
                    "The runtime's execution role cannot be assumed by bedrock-agentcore.amazonaws.com. Please check"
                            + " the role's trust policy.");
        };
    }

    /**
     * StopRuntimeSession for a session that does not run (any more). The model lists ResourceNotFoundException (404)
     * for the operation; its text here is local, AWS's is not known.
     */
    public static AwsError sessionNotFound() {
        return AwsError.of(404, "ResourceNotFoundException", "No running session found with the given runtimeSessionId");
    }

    /** A required header the caller did not send, in AWS's request-validation form. */
    public static AwsError missingSessionId() {
        return validation("1 validation error detected: Value at 'runtimeSessionId' failed to satisfy constraint: "
                + "Member must not be null", "runtimeSessionId");
    }

    /** SigV4 sent to a JWT runtime, or a bearer token to a SigV4 one: local-oauth keeps AWS's text. */
    public static AwsError authorizationMethodMismatch() {
        return fromAnswer(HttpAnswer.authorizationMethodMismatch());
    }

    /** IAM's refusal (its text from {@link dev.agentcore.core.iam.AccessDeniedMessage}) as AccessDeniedException. */
    public static AwsError accessDenied(String iamText) {
        return AwsError.of(403, "AccessDeniedException", iamText);
    }

    /** What the JWT authorizer answers a token it rejects (its status, type and text). */
    public static AwsError fromAnswer(HttpAnswer answer) {
        return AwsError.of(answer.status(), answer.errorType(), answer.message());
    }

    private static AwsError validation(String message, String field) {
        // The model's ValidationException: message, reason and fieldList.
        return new AwsError(400, "ValidationException", message, Map.of("reason", "FieldValidationFailed",
                "fieldList", List.of(Map.of("name", field, "message", message))));
    }
}
