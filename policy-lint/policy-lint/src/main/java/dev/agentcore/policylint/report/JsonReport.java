package dev.agentcore.policylint.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.agentcore.policylint.Linter;
import dev.agentcore.policylint.rule.Finding;
import dev.agentcore.policylint.rule.Severity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Machine-readable findings: one object per finding with file, start and end position, rule, severity, message, fix,
 * and {@code related} (other rules' view of the same problem) when there is any.
 */
public final class JsonReport implements Report {

    @Override
    public void write(Linter.Result result, PrintStream out) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding f : result.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.region().file().displayPath());
            m.put("line", f.region().start().line());
            m.put("column", f.region().start().column());
            m.put("endLine", f.region().end().line());
            m.put("endColumn", f.region().end().column());
            m.put("severity", f.severity().label());
            m.put("ruleId", f.ruleId());
            m.put("message", f.message());
            m.put("fix", f.fix());
            m.put("resource", f.resource());
            if (!f.related().isEmpty()) {
                // Other rules' view of the same characters: one problem, one finding.
                m.put("related", f.related().stream().map(r -> {
                    Map<String, Object> rel = new LinkedHashMap<>();
                    rel.put("ruleId", r.ruleId());
                    rel.put("line", r.region().start().line());
                    rel.put("column", r.region().start().column());
                    rel.put("message", r.message());
                    rel.put("fix", r.fix());
                    return rel;
                }).toList());
            }
            findings.add(m);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("errors", result.count(Severity.ERROR));
        summary.put("warnings", result.count(Severity.WARNING));
        summary.put("infos", result.count(Severity.INFO));
        summary.put("templates", result.filesChecked());
        summary.put("inputErrors", result.inputErrors());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "policy-lint");
        root.put("version", Version.get());
        root.put("findings", findings);
        root.put("summary", summary);
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
