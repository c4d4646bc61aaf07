package dev.agentcore.client.invoke;

import dev.agentcore.client.report.CauseRule;
import dev.agentcore.client.report.DiagnosedException;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.RuleFamily;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/** SigV4 needs AWS credentials; when the chain finds none, no request was sent and that is what to say. */
public final class MissingCredentials {

    private MissingCredentials() {
    }

    /** The SDK's refusal to sign: its message names the providers of the chain it tried. */
    public record NoCredentials(String sdkMessage) {

        public Diagnosis diagnosis() {
            return new Diagnosis(FailureCategory.AUTH, "no AWS credentials for SigV4: the request was not sent",
                    RULES.causes(this), List.of());
        }
    }

    static final CauseRule<NoCredentials> NO_CREDENTIALS = CauseRule.<NoCredentials>rule("AC030",
                    "No AWS credentials for SigV4")
            .summary("The SDK's default chain (environment, profile, SSO, container and instance roles) found "
                    + "nothing, so the request was never signed nor sent.")
            .applies("SigV4, no credentials")
            .cause("The SDK's credential chain found no credentials (environment, ~/.aws profile, SSO, container or "
                    + "instance role)")
            .next("Configure some (aws configure, aws sso login, AWS_PROFILE) and check with `aws sts get-caller-identity`")
            .build();

    static final CauseRule<NoCredentials> WANTS_OAUTH = CauseRule.<NoCredentials>rule("AC031",
                    "The runtime may take OAuth tokens, not SigV4")
            .summary("A runtime with a JWT authorizer needs a bearer token and no AWS credentials at all; SigV4 is "
                    + "only the default.")
            .applies("SigV4, no credentials")
            .cause("The runtime may take OAuth tokens, not SigV4")
            .next("Send a bearer token instead: --token, or the Cognito options")
            .build();

    public static final RuleFamily<NoCredentials> RULES = new RuleFamily<>("Signing a call: AWS credentials",
            "a SigV4 call the SDK could not sign: the message of its credential chain",
            List.of(NO_CREDENTIALS, WANTS_OAUTH));

    /** A diagnosis when the error is the credential chain finding nothing; empty for any other client error. */
    public static Optional<DiagnosedException> from(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SdkClientException && t.getMessage() != null
                    && t.getMessage().contains("Unable to load credentials")) {
                return Optional.of(new DiagnosedException(new NoCredentials(t.getMessage()).diagnosis(), t));
            }
        }
        return Optional.empty();
    }
}
