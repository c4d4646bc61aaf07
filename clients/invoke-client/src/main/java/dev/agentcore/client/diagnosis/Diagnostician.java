package dev.agentcore.client.diagnosis;

import dev.agentcore.client.http.AwsError;
import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.LikelyCause;
import dev.agentcore.client.report.Section;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a failed call into a diagnosis: a summary, the likely causes ranked with a next step each, and the
 * request, response, token claims and lookups for --verbose.
 */
public final class Diagnostician {

    private final RuntimeDirectory directory;
    private final Clock clock;

    public Diagnostician(RuntimeDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** The causes of every rule that applies ({@link DiagnosisRules}, in rank order), with the details for --verbose. */
    public Diagnosis diagnose(FailureContext context) {
        Case c = new Case(context, directory, clock.instant());
        List<LikelyCause> causes = DiagnosisRules.applying(c).stream().map(rule -> rule.explain(c)).toList();
        return new Diagnosis(category(context.failure()), summary(c), causes, details(c));
    }

    private static FailureCategory category(InvocationFailure failure) {
        if (failure.transportProblem().isPresent()) {
            return FailureCategory.NETWORK;
        }
        return switch (failure.status()) {
            case 401, 403 -> FailureCategory.AUTH;
            case 404 -> FailureCategory.NOT_FOUND;
            case 424 -> FailureCategory.RUNTIME_ERROR;
            case 402, 409, 429 -> FailureCategory.THROTTLED;
            default -> failure.status() >= 500 ? FailureCategory.SERVICE_ERROR : FailureCategory.OTHER;
        };
    }

    private static String summary(Case c) {
        InvocationFailure failure = c.context.failure();
        String target = c.target().describe();
        if (failure.transportProblem().isPresent()) {
            return failure.transportProblem().get().text() + " calling " + target + " at " + c.target().dataPlane().getAuthority();
        }
        AwsError error = c.error();
        boolean emptyBody = failure.httpResponse().map(r -> r.body().isBlank()).orElse(true);
        return c.status() + (error.type() == null ? "" : " " + error.type()) + " from " + target + ": "
                + error.messageText().orElse(emptyBody ? "no message (the body was empty)" : "no message (see the body with --verbose)");
    }

    private static List<Section> details(Case c) {
        List<Section> sections = new ArrayList<>();
        sections.add(requestSection(c));
        c.context.failure().httpResponse().ifPresent(r -> sections.add(responseSection(c, r)));
        if (c.context.failure().transportProblem().isPresent()) {
            Throwable cause = c.context.failure().getCause();
            sections.add(new Section("Error", List.of(c.context.failure().transportProblem().get().text() + ": "
                    + (cause == null ? "" : cause.getClass().getName() + ": " + cause.getMessage()))));
        }
        c.context.bearerToken().ifPresent(token -> {
            List<String> lines = new ArrayList<>();
            lines.add("token:      " + token.redacted() + " from " + token.origin());
            token.claims().ifPresentOrElse(claims -> lines.addAll(claims.describe(c.now)),
                    () -> lines.add("(not a JWT: no claims to show)"));
            c.authorizer().ifPresent(a -> {
                lines.add("runtime authorizer: issuer " + a.expectedIssuer());
                lines.add("  allowedClients " + a.allowedClients() + ", allowedAudience " + a.allowedAudience()
                        + ", allowedScopes " + a.allowedScopes());
            });
            sections.add(new Section("Token claims", lines));
        });
        if (!c.lookupsDone.isEmpty()) {
            sections.add(new Section("Looked up", c.lookupsDone));
        }
        return sections;
    }

    private static Section requestSection(Case c) {
        RequestView request = c.context.failure().request();
        List<String> lines = new ArrayList<>();
        lines.add(request.method() + " " + request.uri());
        if (c.arn() != null) {
            lines.add("runtime ARN: " + c.arn() + " (decoded path: " + request.decodedPath() + ")");
            lines.add("qualifier:   " + c.qualifier());
        }
        lines.add("auth:        " + c.mode().text() + (c.target().direct() ? " (local runtime)" : ""));
        lines.add("endpoint:    " + c.target().dataPlane() + " (from " + c.target().endpointOrigin().text() + ")");
        headerLines(request.headers(), lines);
        return new Section("Request", lines);
    }

    private static Section responseSection(Case c, ResponseView response) {
        AwsError error = c.error();
        List<String> lines = new ArrayList<>();
        lines.add("status:      " + response.status());
        lines.add("error type:  " + (error.type() == null ? "(none)" : error.type()));
        lines.add("message:     " + error.messageText().orElse("(none)"));
        lines.add("request id:  " + (error.requestId() == null ? "(none)" : error.requestId()));
        headerLines(response.headers(), lines);
        lines.add("body:        " + (response.body().isBlank() ? "(empty)" : response.body().strip()));
        return new Section("Response", lines);
    }

    private static void headerLines(Map<String, List<String>> headers, List<String> lines) {
        headers.forEach((name, values) -> lines.add("  " + name + ": " + String.join(", ", values)));
    }
}
