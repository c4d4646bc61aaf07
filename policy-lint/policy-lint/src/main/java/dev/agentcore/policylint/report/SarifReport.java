package dev.agentcore.policylint.report;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.agentcore.policylint.Linter;
import dev.agentcore.policylint.rule.Finding;
import dev.agentcore.policylint.rule.Rule;
import dev.agentcore.policylint.rule.RuleInfo;
import dev.agentcore.policylint.rule.Rules;
import tools.jackson.databind.json.JsonMapper;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: every rule with descriptions, help and level; results with
 * repository-relative URIs (base {@code %SRCROOT%}), regions and stable fingerprints.
 */
public final class SarifReport implements Report {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final Path repositoryRoot;

    public SarifReport(Path repositoryRoot) {
        this.repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
    }

    /** The nearest directory with a .git entry, for repository-relative paths; else {@code start} itself. */
    public static Path repositoryRoot(Path start) {
        Path abs = start.toAbsolutePath().normalize();
        for (Path dir = abs; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return abs;
    }

    @Override
    public void write(Linter.Result result, PrintStream out) {
        List<Map<String, Object>> rules = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Rule rule : Rules.all()) {
            RuleInfo info = rule.info();
            ids.add(info.id());
            rules.add(map(
                    "id", info.id(),
                    "name", camel(info.name()),
                    "shortDescription", map("text", info.summary()),
                    "fullDescription", map("text", info.summary()),
                    "help", map("text", info.summary() + " Documentation: " + info.docPath(),
                            "markdown", info.summary() + "\n\nBad and good examples: [" + info.docPath() + "](" + info.docPath() + ")"),
                    "defaultConfiguration", map("level", info.severity().sarifLevel()),
                    "properties", map("tags", List.of("security", "iam", "agentcore"), "precision", "high",
                            "security-severity", info.severity().securitySeverity(),
                            "problem.severity", info.severity().problemSeverity())));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : result.findings()) {
            String uri = uri(f.region().file().path());
            Map<String, Object> region = map(
                    "startLine", f.region().start().line(),
                    "startColumn", f.region().start().column(),
                    "endLine", f.region().end().line(),
                    "endColumn", Math.max(f.region().end().column(),
                            f.region().end().line() == f.region().start().line() ? f.region().start().column() + 1 : 1));
            List<Map<String, Object>> related = new ArrayList<>();
            for (Finding.Related r : f.related()) {
                related.add(map("id", related.size(), "message", map("text", r.ruleId() + ": " + r.message()),
                        "physicalLocation", map("artifactLocation", map("uri", uri, "uriBaseId", "%SRCROOT%"),
                                "region", map("startLine", r.region().start().line(),
                                        "startColumn", r.region().start().column(),
                                        "endLine", r.region().end().line(),
                                        "endColumn", Math.max(r.region().end().column(), r.region().start().column() + 1)))));
            }
            Map<String, Object> sarifResult = map(
                    "ruleId", f.ruleId(),
                    "ruleIndex", ids.indexOf(f.ruleId()),
                    "level", f.severity().sarifLevel(),
                    "message", map("text", f.message() + (f.fix() == null ? "" : ". Fix: " + f.fix())),
                    "locations", List.of(map("physicalLocation", map(
                            "artifactLocation", map("uri", uri, "uriBaseId", "%SRCROOT%"),
                            "region", region))),
                    "partialFingerprints", map("policyLintFinding/v1", fingerprint(f, uri)));
            if (!related.isEmpty()) {
                sarifResult.put("relatedLocations", related);
            }
            results.add(sarifResult);
        }
        List<Map<String, Object>> notifications = new ArrayList<>();
        result.inputErrors().forEach(e -> notifications.add(map("level", "error", "message", map("text", e))));
        Map<String, Object> run = map(
                "tool", map("driver", map("name", "policy-lint", "semanticVersion", semver(Version.get()),
                        "informationUri", "https://docs.aws.amazon.com/bedrock-agentcore/latest/devguide/runtime-permissions.html",
                        "rules", rules)),
                "originalUriBaseIds", map("%SRCROOT%", map("uri", repositoryRoot.toUri().toString())),
                "invocations", List.of(map("executionSuccessful", result.inputErrors().isEmpty(),
                        "toolExecutionNotifications", notifications)),
                "columnKind", "utf16CodeUnits",
                "results", results);
        Map<String, Object> log = map("$schema", SCHEMA, "version", "2.1.0", "runs", List.of(run));
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(log));
    }

    private String uri(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(repositoryRoot)) {
            StringBuilder sb = new StringBuilder();
            for (Path part : repositoryRoot.relativize(abs)) {
                if (!sb.isEmpty()) {
                    sb.append('/');
                }
                sb.append(java.net.URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return sb.toString();
        }
        return abs.toUri().toString();
    }

    private static String fingerprint(Finding f, String uri) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String key = f.ruleId() + "|" + uri + "|" + f.resource() + "|" + f.message();
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String semver(String version) {
        return version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "0.0.0";
    }

    private static String camel(String name) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
