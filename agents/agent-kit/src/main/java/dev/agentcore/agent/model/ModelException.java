package dev.agentcore.agent.model;

/**
 * A model call failed: throttled, rejected, unreachable, or its stream was malformed. The message names
 * the provider, the model, the provider's error code and request id where there are any.
 */
public class ModelException extends RuntimeException {

    private final String modelId;
    private final String errorCode;
    private final String requestId;
    private final int statusCode;
    private final boolean contextWindowOverflow;

    public ModelException(String message, String modelId, String errorCode, String requestId, int statusCode,
                          boolean contextWindowOverflow, Throwable cause) {
        super(message, cause);
        this.modelId = modelId;
        this.errorCode = errorCode;
        this.requestId = requestId;
        this.statusCode = statusCode;
        this.contextWindowOverflow = contextWindowOverflow;
    }

    public ModelException(String message, String modelId, Throwable cause) {
        this(message, modelId, null, null, 0, false, cause);
    }

    public String modelId() {
        return modelId;
    }

    /** The provider's error code, for example {@code ThrottlingException}; null when there is none. */
    public String errorCode() {
        return errorCode;
    }

    /** The provider's request id; null when there is none. */
    public String requestId() {
        return requestId;
    }

    /** The HTTP status, or 0 when the call failed before or outside HTTP. */
    public int statusCode() {
        return statusCode;
    }

    /** True when the conversation no longer fits the model's context window. */
    public boolean contextWindowOverflow() {
        return contextWindowOverflow;
    }

    /** True for throttling: the caller may retry later. */
    public boolean throttled() {
        return statusCode == 429 || "ThrottlingException".equals(errorCode);
    }
}
