package dev.agentcore.policylint.rule;

import java.util.List;
import java.util.regex.Pattern;

import dev.agentcore.policylint.template.Piece;
import dev.agentcore.policylint.template.Template;
import dev.agentcore.policylint.template.Texts;

/**
 * A 12-digit account id written into an ARN of a template, where {@code ${AWS::AccountId}} belongs: the template breaks
 * in any other account. Skipped for principals and for accounts other than the runtimes' own (cross-account access).
 */
public final class HardcodedAccountId implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL151", "hardcoded-account-id",
            "A template hard-codes an account id in an ARN where ${AWS::AccountId} belongs.", Severity.WARNING);

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        if (ctx.template().kind() != Template.Kind.CLOUDFORMATION) {
            return;
        }
        List<String> own = ctx.runtimes().accounts();
        for (TemplateContext.ArnText arn : ctx.arns()) {
            ArnParts parts = ArnParts.of(arn.text());
            if (arn.principal() || parts == null || !parts.literal(ArnParts.ACCOUNT)) {
                continue;
            }
            String account = parts.component(ArnParts.ACCOUNT);
            if (!TWELVE_DIGITS.matcher(account).matches() || PlaceholderResource.DOCUMENTATION_ACCOUNTS.contains(account)
                    || !own.isEmpty() && !own.contains(account)) {
                continue;
            }
            Piece.Literal lit = Texts.literalAt(arn.text(), parts.starts()[ArnParts.ACCOUNT]);
            if (lit == null || lit.via() != null) {
                continue; // from a parameter or mapping: that is how to parameterise it
            }
            findings.add(INFO, parts.componentRegion(ArnParts.ACCOUNT),
                    "account id " + account + " is hard-coded in " + parts.display(),
                    "use ${AWS::AccountId} in a !Sub (or a parameter, for another account)", arn.owner());
        }
    }
}
