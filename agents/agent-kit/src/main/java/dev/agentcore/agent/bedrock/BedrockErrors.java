package dev.agentcore.agent.bedrock;

import dev.agentcore.agent.model.ModelException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Turns AWS SDK failures into {@link ModelException}s that name the model, error code and request id. */
final class BedrockErrors {

    /** Bedrock's wordings for "the conversation does not fit the context window", as Strands matches them. */
    private static final List<String> CONTEXT_OVERFLOW = List.of("Input is too long for requested model",
            "input length and `max_tokens` exceed context limit", "too many total text bytes", "prompt is too long");

    private BedrockErrors() {
    }

    static ModelException toModelException(Throwable failure, String modelId) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ModelException modelException) {
            return modelException;
        }
        if (cause instanceof AwsServiceException aws) {
            AwsErrorDetails details = aws.awsErrorDetails();
            String code = details != null && details.errorCode() != null ? details.errorCode()
                    : aws.getClass().getSimpleName();
            String text = details != null && details.errorMessage() != null ? details.errorMessage() : aws.getMessage();
            boolean overflow = CONTEXT_OVERFLOW.stream().anyMatch(phrase -> text != null && text.contains(phrase));
            return ModelException.builder()
                    .message("Bedrock model '" + modelId + "' failed: " + code + " (HTTP " + aws.statusCode()
                            + ", request id " + aws.requestId() + "): " + text)
                    .modelId(modelId)
                    .errorCode(code)
                    .requestId(aws.requestId())
                    .statusCode(aws.statusCode())
                    .contextWindowOverflow(overflow)
                    .cause(aws)
                    .build();
        }
        return ModelException.builder()
                .message("Bedrock ConverseStream call for model '" + modelId + "' failed: " + describe(cause))
                .modelId(modelId)
                .cause(cause)
                .build();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The message and, when different, the root cause's: the SDK often wraps the telling part. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(error.getMessage());
        if (root != error && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return message;
    }
}
