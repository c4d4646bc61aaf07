package dev.agentcore.policylint.rule;

import java.util.List;

/**
 * One check. A rule looks at one template at a time, or at all templates together when it needs to (a role in one
 * file, the runtime that uses it in another). It reports through {@link Findings}; it never throws for odd input.
 */
public interface Rule {

    RuleInfo info();

    default void check(TemplateContext context, Findings findings) {
    }

    default void checkProject(List<TemplateContext> templates, Findings findings) {
    }
}
