package dev.agentcore.policylint.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.agentcore.policylint.rule.Rule;
import dev.agentcore.policylint.rule.RuleInfo;
import dev.agentcore.policylint.rule.Rules;
import tools.jackson.databind.json.JsonMapper;

/** The list of rules (id, name, severity, summary) as text, JSON, or the Markdown table of docs/policy-lint/README.md. */
public final class RuleList {

    private RuleList() {
    }

    /** One aligned line per rule. */
    public static String text() {
        StringBuilder sb = new StringBuilder();
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            sb.append(String.format(Locale.ROOT, "%-6s %-8s %-36s %s%n", i.id(), i.severity().label(), i.name(), i.summary()));
        }
        return sb.toString();
    }

    public static String json() {
        List<Map<String, String>> rules = new ArrayList<>();
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            Map<String, String> rule = new LinkedHashMap<>();
            rule.put("id", i.id());
            rule.put("name", i.name());
            rule.put("severity", i.severity().label());
            rule.put("summary", i.summary());
            rule.put("doc", i.docPath());
            rules.add(rule);
        }
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(rules) + System.lineSeparator();
    }

    /** The rule table of docs/policy-lint/README.md, generated from the rule classes. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("| Id | Name | Default severity | What it flags |\n|---|---|---|---|\n");
        for (Rule r : Rules.all()) {
            RuleInfo i = r.info();
            sb.append("| [").append(i.id()).append("](rules/").append(i.id()).append(".md) | ").append(i.name())
                    .append(" | ").append(i.severity().label()).append(" | ").append(i.summary().replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
