package dev.agentcore.policylint.config;

import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.agentcore.policylint.rule.Finding;
import dev.agentcore.policylint.rule.Findings;
import dev.agentcore.policylint.rule.Rules;
import dev.agentcore.policylint.rule.SuppressionWithoutReason;
import dev.agentcore.policylint.rule.UnknownSuppressedRule;
import dev.agentcore.policylint.source.ListNode;
import dev.agentcore.policylint.source.MapNode;
import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.Region;
import dev.agentcore.policylint.source.ScalarNode;
import dev.agentcore.policylint.source.SourceFile;
import dev.agentcore.policylint.template.Template;

/**
 * The suppressions of one file: {@code # policy-lint: ignore PL100 -- reason} comments (on the line of the finding or
 * the line above) and {@code Metadata: {policy-lint: {ignore: [...]}}} on a resource or on the template.
 * Suppressions without a reason, and those naming no rule, are findings themselves.
 */
public final class Suppressions {

    private static final String DIRECTIVE_WORD = "policy-lint";
    // Compiled once: String.split compiles its regex at each call, for every suppression of every file.
    private static final Pattern REASON_SEPARATOR = Pattern.compile("--");
    private static final Pattern RULE_SEPARATORS = Pattern.compile("[,\\s]+");
    private static final Pattern COMMENT = Pattern.compile("(?:^|\\s)#\\s*" + DIRECTIVE_WORD + ":\\s*ignore\\b(.*)$");

    /** Rules suppressed on a line, for a resource (logical id), or for the whole file (both null). */
    private record Directive(Set<String> rules, Integer line, String resource) {
    }

    private final List<Directive> directives = new ArrayList<>();
    private final Path path;

    private Suppressions(Path path) {
        this.path = path;
    }

    /** Reads a file's suppressions, reporting the malformed ones into {@code findings}. */
    public static Suppressions of(SourceFile file, Template template, Findings findings) {
        Suppressions s = new Suppressions(file.path());
        s.readComments(file, findings);
        if (template != null) {
            if (template.root().get("Metadata") instanceof MapNode meta) {
                s.readMetadata(meta, null, findings);
            }
            for (Template.Resource r : template.resources().values()) {
                if (r.metadata() instanceof MapNode meta) {
                    s.readMetadata(meta, r.logicalId(), findings);
                }
            }
        }
        return s;
    }

    private void readComments(SourceFile file, Findings findings) {
        // Every directive names "policy-lint": most files have none, and a regex search of each line is a tenth of a
        // corpus lint.
        if (!file.text().contains(DIRECTIVE_WORD)) {
            return;
        }
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.line(line);
            if (!text.contains(DIRECTIVE_WORD)) {
                continue;
            }
            Matcher m = COMMENT.matcher(text);
            if (!m.find()) {
                continue;
            }
            String rest = m.group(1);
            String reason = null;
            int dashes = rest.indexOf("--");
            if (dashes >= 0) {
                reason = rest.substring(dashes + 2).trim();
                rest = rest.substring(0, dashes);
            }
            int column = text.indexOf('#', m.start()) + 1;
            Region where = Region.at(file, new dev.agentcore.policylint.source.Position(line, column));
            Set<String> rules = rules(rest, where, findings);
            if (reason == null || reason.isEmpty()) {
                findings.add(SuppressionWithoutReason.INFO, where, "suppression of " + String.join(", ", rules)
                        + " gives no reason", "append ' -- <why this is fine>' to the comment", null);
            }
            boolean ownLine = text.trim().startsWith("#");
            int target = line;
            if (ownLine) {
                // applies to the next line that is not itself a comment
                target = line + 1;
                while (target <= file.lineCount() && file.line(target).trim().startsWith("#")) {
                    target++;
                }
                directives.add(new Directive(rules, line, null));
            }
            directives.add(new Directive(rules, target, null));
        }
    }

    private void readMetadata(MapNode meta, String resource, Findings findings) {
        if (!(meta.get("policy-lint") instanceof MapNode pl) || pl.get("ignore") == null) {
            return;
        }
        Node ignore = pl.get("ignore");
        List<Node> items = ignore instanceof ListNode l ? l.items() : List.of(ignore);
        Set<String> rules = new LinkedHashSet<>();
        for (Node item : items) {
            String id = null;
            String reason = null;
            if (item instanceof ScalarNode s) {
                String[] parts = REASON_SEPARATOR.split(s.value(), 2);
                id = parts[0].trim();
                reason = parts.length > 1 ? parts[1].trim() : null;
            } else if (item instanceof MapNode m) {
                id = m.get("rule") instanceof ScalarNode r ? r.value() : m.get("id") instanceof ScalarNode r2 ? r2.value() : null;
                reason = m.get("reason") instanceof ScalarNode r ? r.value().trim() : null;
            }
            if (id == null || id.isEmpty()) {
                continue;
            }
            rules.addAll(rules(id, item.region(), findings));
            if (reason == null || reason.isEmpty()) {
                findings.add(SuppressionWithoutReason.INFO, item.region(), "suppression of " + id + " in Metadata gives no reason",
                        "write {rule: " + id + ", reason: <why this is fine>}", resource);
            }
        }
        directives.add(new Directive(rules, null, resource));
    }

    private static Set<String> rules(String text, Region where, Findings findings) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : RULE_SEPARATORS.split(text.trim())) {
            if (id.isEmpty()) {
                continue;
            }
            if (Rules.info(id).isEmpty()) {
                findings.add(UnknownSuppressedRule.INFO, where, "'" + id + "' is not a policy-lint rule, so this suppresses nothing",
                        "use an id from 'policy-lint --list-rules'", null);
            }
            out.add(id);
        }
        return out;
    }

    /** The file whose suppressions these are. */
    public Path path() {
        return path;
    }

    public boolean suppresses(Finding f) {
        if (!f.region().file().path().equals(path)) {
            return false;
        }
        for (Directive d : directives) {
            if (!d.rules().contains(f.ruleId())) {
                continue;
            }
            if (d.line() != null ? d.line() == f.region().start().line()
                    : d.resource() == null || d.resource().equals(f.resource())) {
                return true;
            }
        }
        return false;
    }

    private static PathMatcher compiled(String glob) {
        try {
            return Globs.compile(glob);
        } catch (Globs.Invalid e) {
            throw new IllegalStateException("Config.read lets only globs through: " + e.getMessage(), e);
        }
    }

    /** True when a config ignore covers the finding; globs are relative to the config file's directory. */
    public static boolean ignoredByConfig(Config config, Finding f) {
        for (Config.Ignore ignore : config.ignores()) {
            if (!ignore.rule().equals(f.ruleId())) {
                continue;
            }
            if (ignore.paths().isEmpty()) {
                return true;
            }
            Path file = f.region().file().path().toAbsolutePath().normalize();
            Path base = config.directory() == null ? Path.of("").toAbsolutePath() : config.directory();
            Path relative = file.startsWith(base) ? base.relativize(file) : file;
            for (String glob : ignore.paths()) {
                if (compiled(glob).matches(relative)) {
                    return true;
                }
            }
        }
        return false;
    }
}
