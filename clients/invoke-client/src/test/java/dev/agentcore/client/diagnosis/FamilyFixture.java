package dev.agentcore.client.diagnosis;

import dev.agentcore.client.auth.SignInFailure;
import dev.agentcore.client.auth.TokenEndpointFailure;
import dev.agentcore.client.http.TransportProblem;
import dev.agentcore.client.invoke.AgentStreamError;
import dev.agentcore.client.invoke.MissingCredentials;
import dev.agentcore.client.mcp.McpServerError;
import dev.agentcore.client.output.BrokenStream;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.runtime.EndpointOrigin;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A recorded failure of one of the families around a call ({@link DiagnosisRules#families}), read from
 * {@code src/test/resources/diagnoses/<rule id>.yaml} when it names its {@code family}: the {@code failure} as the
 * code that failed saw it (a token endpoint's answer, Cognito's error code and message, a JSON-RPC error), turned
 * into the family's context and diagnosed by the same method the client calls.
 */
record FamilyFixture(String ruleId, String family, String story, JsonNode failure, JsonNode expect) {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static List<FamilyFixture> all() {
        List<FamilyFixture> all = new ArrayList<>();
        for (DiagnosisFixture f : allFiles()) {
            JsonNode root = f.root();
            all.add(new FamilyFixture(f.ruleId(), root.get("family").asString(), f.story(), required(f, root, "failure"),
                    required(f, root, "expect")));
        }
        return all;
    }

    private static List<DiagnosisFixture> allFiles() {
        try (var files = java.nio.file.Files.list(DiagnosisFixture.fixtures())) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(DiagnosisFixture::read)
                    .filter(f -> f.root().has("family")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode required(DiagnosisFixture f, JsonNode node, String field) {
        if (!node.has(field)) {
            throw new IllegalArgumentException(f.ruleId() + ".yaml: '" + field + "' is missing");
        }
        return node.get(field);
    }

    Diagnosis diagnose() {
        return switch (family) {
            case "credentials" -> new MissingCredentials.NoCredentials(text("sdkMessage")).diagnosis();
            case "token-endpoint" -> tokenEndpoint().diagnosis(List.of());
            case "sign-in" -> signIn().diagnosis(List.of());
            case "mcp-error" -> new McpServerError(failure.path("code").asInt(), text("message"), text("runtime")).diagnosis();
            case "agent-stream" -> new AgentStreamError(text("error"), target()).diagnosis();
            case "broken-stream" -> new BrokenStream(BrokenStream.Problem.valueOf(text("problem")), text("detail"),
                    failure.path("events").asInt(), failure.path("bytes").asLong(), target()).diagnosis();
            default -> throw new IllegalArgumentException(ruleId + ".yaml: no family '" + family + "'");
        };
    }

    private TokenEndpointFailure tokenEndpoint() {
        URI endpoint = URI.create(text("endpoint"));
        List<String> scopes = new ArrayList<>();
        failure.path("scopes").forEach(s -> scopes.add(s.asString()));
        if (failure.has("noResponse")) {
            return TokenEndpointFailure.unreachable(endpoint, text("clientId"), scopes,
                    TransportProblem.valueOf(text("noResponse")));
        }
        JsonNode response = failure.path("response");
        return TokenEndpointFailure.answered(endpoint, text("clientId"), scopes, response.path("status").asInt(),
                DiagnosisFixture.text(response, "body", ""));
    }

    private SignInFailure signIn() {
        String flow = text("flow");
        boolean secret = failure.path("secretGiven").asBoolean(false);
        if (failure.has("noResponse")) {
            return SignInFailure.unreachable(flow, text("clientId"), text("username"), secret,
                    TransportProblem.valueOf(text("noResponse")));
        }
        if (failure.has("challenge")) {
            return SignInFailure.challenged(flow, text("clientId"), text("username"), secret, text("challenge"));
        }
        JsonNode error = failure.path("error");
        return SignInFailure.refused(flow, text("clientId"), text("username"), secret,
                DiagnosisFixture.text(error, "code", ""), DiagnosisFixture.text(error, "message", null));
    }

    private InvocationTarget target() {
        if (failure.has("local")) {
            return InvocationTarget.direct(URI.create(text("local")), EndpointOrigin.flag("--local"));
        }
        return InvocationTarget.of(RuntimeArn.parse(DiagnosisFixture.text(failure, "runtime", DiagnosisFixture.DEFAULT_RUNTIME)),
                DiagnosisFixture.text(failure, "qualifier", InvocationTarget.DEFAULT_QUALIFIER));
    }

    private String text(String field) {
        return DiagnosisFixture.text(failure, field, null);
    }

    /** The failure as the fixture records it, for the page. */
    String failureYaml() {
        return YAML.writeValueAsString(failure).replaceFirst("^---\\s*\\n", "");
    }

    FailureCategory expectedCategory() {
        return FailureCategory.valueOf(expect.path("category").asString());
    }

    List<String> expectedCauses() {
        List<String> ids = new ArrayList<>();
        expect.path("causes").forEach(id -> ids.add(id.asString()));
        return ids;
    }
}
