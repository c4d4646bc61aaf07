package dev.agentcore.policylint.rule;

import dev.agentcore.policylint.source.DuplicateKey;
import dev.agentcore.policylint.source.Region;
import dev.agentcore.policylint.source.ScalarNode;
import dev.agentcore.policylint.template.Template;

/**
 * A key defined twice in one mapping. CloudFormation accepts the template and keeps the last definition, so the first
 * one (a whole resource, a parameter, a policy's Resource) is dropped without a word. The reader keeps the last value,
 * as CloudFormation does, and the other rules check the file with it: one slip must not hide the rest.
 */
public final class DuplicateKeys implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL003", "duplicate-key",
            "A key is defined twice in one mapping: CloudFormation keeps the last definition and drops the first without a word.",
            Severity.ERROR);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext context, Findings findings) {
        for (DuplicateKey d : context.template().duplicateKeys()) {
            int firstLine = d.first().position().line();
            ScalarNode key = d.duplicate();
            // From the key's first character (a JSON key's opening quote) to its last (the closing quote).
            char opening = key.file().text().charAt(key.offset());
            int end = key.rawOffsetOf(key.value().length()) + (opening == '"' || opening == '\'' ? 1 : 0);
            Region region = new Region(key.file(), key.position(), key.file().position(end));
            String reader = context.template().kind() == Template.Kind.POLICY
                    ? "the last definition counts (as CloudFormation and most JSON readers read it)"
                    : "CloudFormation keeps this definition";
            findings.add(INFO, region, "'" + key.value() + "' is defined again (first at line " + firstLine + "): "
                    + reader + "; the one at line " + firstLine + " is dropped",
                    "rename one of the two, or delete the one that should not be deployed", null);
        }
    }
}
