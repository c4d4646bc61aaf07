package dev.agentcore.agent.model;

/**
 * A model call failed: throttled, rejected, unreachable, or its stream was malformed. The message names
 * the provider, the model, the provider's error code and request id where there are any. Built with
 * {@link #builder()}, in the AWS SDK's style; what a failure does not have is simply not set.
 */
public class ModelException extends RuntimeException {

    private final String modelId;
    private final String errorCode;
    private final String requestId;
    private final int statusCode;
    private final boolean contextWindowOverflow;

    protected ModelException(Builder builder) {
        super(builder.message, builder.cause);
        this.modelId = builder.modelId;
        this.errorCode = builder.errorCode;
        this.requestId = builder.requestId;
        this.statusCode = builder.statusCode;
        this.contextWindowOverflow = builder.contextWindowOverflow;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The model's id or description; null when the failure is not tied to one model. */
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

    public static final class Builder {
        private String message;
        private Throwable cause;
        private String modelId;
        private String errorCode;
        private String requestId;
        private int statusCode;
        private boolean contextWindowOverflow;

        private Builder() {
        }

        private Builder(ModelException e) {
            this.message = e.getMessage();
            this.cause = e.getCause();
            this.modelId = e.modelId;
            this.errorCode = e.errorCode;
            this.requestId = e.requestId;
            this.statusCode = e.statusCode;
            this.contextWindowOverflow = e.contextWindowOverflow;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public Builder modelId(String modelId) {
            this.modelId = modelId;
            return this;
        }

        public Builder errorCode(String errorCode) {
            this.errorCode = errorCode;
            return this;
        }

        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** The HTTP status the provider answered with; leave unset when the call failed outside HTTP. */
        public Builder statusCode(int statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        public Builder contextWindowOverflow(boolean contextWindowOverflow) {
            this.contextWindowOverflow = contextWindowOverflow;
            return this;
        }

        public ModelException build() {
            return new ModelException(this);
        }
    }
}
