package dev.agentcore.client.diagnosis;

import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.TokenClaims;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.DiagnosisReport;
import dev.agentcore.client.report.RuleArea;
import dev.agentcore.client.report.RuleFamily;
import dev.agentcore.client.report.RuleInfo;
import dev.agentcore.client.runtime.InvocationTarget;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * docs/clients/diagnoses.md, generated: the rule table from {@link DiagnosisRules}, then each rule with the example of
 * its fixture and the diagnosis the client prints for it (run for real, not written by hand).
 */
final class DiagnosesPage {

    static final String PATH = "docs/clients/diagnoses.md";
    static final String REGENERATE =
            "./mvnw -B -ntp -o test -pl clients/invoke-client -Dtest=DiagnosesPageTest -Ddiagnoses.write=true";

    private DiagnosesPage() {
    }

    static String render() {
        Map<String, DiagnosisFixture> fixtures = DiagnosisFixture.all().stream()
                .collect(Collectors.toMap(DiagnosisFixture::ruleId, Function.identity()));
        StringBuilder page = new StringBuilder();
        page.append("""
                # Diagnoses: what the client says when a call fails

                <!-- Generated from the rules (DiagnosisRules in clients/invoke-client) and their fixtures
                     (clients/invoke-client/src/test/resources/diagnoses); DiagnosesPageTest fails when this page
                     drifts. Do not edit by hand; regenerate with:
                     %s -->

                When a call to a runtime fails, `agentcore-invoke` and the `invoke-client` library (`Diagnostician`) try
                every rule below, in this order, against the failure: the status, the AWS error type and message, the
                request as sent, the bearer token's claims, and what the control plane or `.agentcore/state.json` knows
                about the runtime. Each rule that applies adds one likely cause and its next step, in rank order; a rule
                that *ends the search* explains the failure by itself, so the rules after it are not tried. A report
                names the rule of each cause (`[AC240]`), so the section of that id below says why.

                The failures around a call have rule families of their own, after the call's rules: signing with
                AWS credentials, getting a token from Cognito, and errors inside an answer that began with 200.

                Ids are grouped by area: %s.

                | Rank | Id | Status | Rule | Ends the search |
                |---|---|---|---|---|
                """.formatted(REGENERATE, areas()));
        List<DiagnosisRule> rules = DiagnosisRules.all();
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo info = rules.get(i).info();
            page.append("| ").append(i + 1).append(" | [").append(info.id()).append("](#").append(anchor(info)).append(") | ")
                    .append(info.applies()).append(" | ").append(cell(info.title())).append(" | ")
                    .append(info.conclusive() ? "yes" : "no").append(" |\n");
        }
        for (DiagnosisRule rule : rules) {
            page.append('\n').append(section(rule.info(), fixtures.get(rule.info().id())));
        }
        Map<String, FamilyFixture> examples = FamilyFixture.all().stream()
                .collect(Collectors.toMap(FamilyFixture::ruleId, Function.identity()));
        for (RuleFamily<?> family : DiagnosisRules.families()) {
            page.append("\n## ").append(family.name()).append("\n\n")
                    .append("These rules look at ").append(family.context()).append(". They rank among themselves, "
                            + "in this order.\n\n")
                    .append("| Rank | Id | Applies to | Rule | Ends the search |\n|---|---|---|---|---|\n");
            List<RuleInfo> infos = family.infos();
            for (int i = 0; i < infos.size(); i++) {
                RuleInfo info = infos.get(i);
                page.append("| ").append(i + 1).append(" | [").append(info.id()).append("](#").append(anchor(info))
                        .append(") | ").append(cell(info.applies())).append(" | ").append(cell(info.title())).append(" | ")
                        .append(info.conclusive() ? "yes" : "no").append(" |\n");
            }
            for (RuleInfo info : infos) {
                page.append('\n').append(familySection(info, examples.get(info.id())));
            }
        }
        return page.toString();
    }

    private static String areas() {
        return java.util.Arrays.stream(RuleArea.values())
                .map(a -> a.idPrefix() + "xx " + a.title())
                .collect(Collectors.joining("; "));
    }

    private static String anchor(RuleInfo info) {
        return info.id().toLowerCase(Locale.ROOT);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static String section(RuleInfo info, DiagnosisFixture fixture) {
        StringBuilder s = new StringBuilder();
        s.append("<a id=\"").append(anchor(info)).append("\"></a>\n");
        s.append("## ").append(info.id()).append(' ').append(info.title()).append("\n\n");
        s.append("**Status:** ").append(info.applies()).append(" · **Area:** ").append(info.area().title())
                .append(" · **Ends the search:** ").append(info.conclusive() ? "yes" : "no").append("\n\n");
        s.append(info.summary()).append("\n\n");
        if (fixture == null) {
            return s.append("(no example yet)\n").toString();
        }
        if (fixture.story() != null) {
            s.append("**Example.** ").append(fixture.story().strip()).append("\n\n");
        }
        s.append("The call:\n\n```\n").append(call(fixture)).append("```\n\n");
        fixture.response().ifPresentOrElse(
                response -> s.append("The response:\n\n```http\n").append(response(response)).append("```\n\n"),
                () -> s.append("No response: ").append(fixture.noResponse().orElseThrow().text()).append(".\n\n"));
        Diagnosis diagnosis = fixture.diagnose();
        s.append("What the client prints (fixture `").append(fixture.ruleId()).append(".yaml`):\n\n```\n")
                .append(DiagnosisReport.render(diagnosis, false)).append("```\n");
        return s.toString();
    }

    private static String familySection(RuleInfo info, FamilyFixture fixture) {
        StringBuilder s = new StringBuilder();
        s.append("<a id=\"").append(anchor(info)).append("\"></a>\n");
        s.append("### ").append(info.id()).append(' ').append(info.title()).append("\n\n");
        s.append("**Applies to:** ").append(info.applies()).append(" · **Area:** ").append(info.area().title())
                .append(" · **Ends the search:** ").append(info.conclusive() ? "yes" : "no").append("\n\n");
        s.append(info.summary()).append("\n\n");
        if (fixture == null) {
            return s.append("(no example yet)\n").toString();
        }
        if (fixture.story() != null) {
            s.append("**Example.** ").append(fixture.story().strip()).append("\n\n");
        }
        s.append("The failure:\n\n```yaml\n").append(fixture.failureYaml()).append("```\n\n");
        s.append("What the client prints (fixture `").append(fixture.ruleId()).append(".yaml`):\n\n```\n")
                .append(DiagnosisReport.render(fixture.diagnose(), false)).append("```\n");
        return s.toString();
    }

    private static String call(DiagnosisFixture fixture) {
        StringBuilder s = new StringBuilder();
        InvocationTarget target = fixture.target();
        s.append("target:    ").append(target.describe()).append('\n');
        s.append("request:   POST ").append(fixture.request().uri()).append('\n');
        fixture.call().path("headers").properties().forEach(e ->
                s.append("header:    ").append(e.getKey()).append(": ").append(e.getValue().asString()).append('\n'));
        s.append("auth:      ").append(fixture.authMode().text()).append(" (").append(fixture.protocol()).append(" protocol)\n");
        fixture.token().ifPresent(token -> s.append("token:     ").append(token(token)).append('\n'));
        Case probe = new Case(fixture.context(), fixture.directory(), DiagnosisFixture.NOW);
        if (target.arn() != null) {
            s.append("lookups:   ").append(probe.runtime().describe("runtime")).append('\n');
            s.append("           ").append(probe.endpoints().describe("endpoints")).append('\n');
        }
        return s.toString();
    }

    private static String token(BearerToken token) {
        return token.claims().map(DiagnosesPage::claims)
                .orElse("'" + (token.value().length() > 24 ? token.redacted() : token.value()) + "' (not a JWT)");
    }

    private static String claims(TokenClaims claims) {
        return "a JWT with iss=" + claims.issuer() + ", token_use=" + claims.tokenUse()
                + (claims.clientId() == null ? "" : ", client_id=" + claims.clientId())
                + (claims.audience().isEmpty() ? "" : ", aud=" + String.join(",", claims.audience()))
                + (claims.scope() == null ? "" : ", scope=" + claims.scope())
                + ", " + claims.expiryRelativeTo(DiagnosisFixture.NOW);
    }

    private static String response(ResponseView response) {
        StringBuilder s = new StringBuilder("HTTP/1.1 ").append(response.status()).append('\n');
        response.headers().forEach((name, values) -> s.append(name).append(": ").append(String.join(", ", values)).append('\n'));
        if (!response.body().isBlank()) {
            s.append('\n').append(response.body().strip()).append('\n');
        }
        return s.toString();
    }
}
