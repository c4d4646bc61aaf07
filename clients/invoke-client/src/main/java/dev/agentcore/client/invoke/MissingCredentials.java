package dev.agentcore.client.invoke;

import dev.agentcore.client.report.DiagnosedException;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.LikelyCause;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/** SigV4 needs AWS credentials; when the chain finds none, no request was sent and that is what to say. */
public final class MissingCredentials {

    private MissingCredentials() {
    }

    /** A diagnosis when the error is the credential chain finding nothing; empty for any other client error. */
    public static Optional<DiagnosedException> from(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SdkClientException && t.getMessage() != null
                    && t.getMessage().contains("Unable to load credentials")) {
                return Optional.of(new DiagnosedException(new Diagnosis(FailureCategory.AUTH,
                        "no AWS credentials for SigV4: the request was not sent",
                        List.of(new LikelyCause("The SDK's credential chain found no credentials (environment, "
                                        + "~/.aws profile, SSO, container or instance role)",
                                        "Configure some (aws configure, aws sso login, AWS_PROFILE) and check with "
                                                + "`aws sts get-caller-identity`"),
                                new LikelyCause("The runtime may take OAuth tokens, not SigV4",
                                        "Send a bearer token instead: --token, or the Cognito options")),
                        List.of()), t));
            }
        }
        return Optional.empty();
    }
}
