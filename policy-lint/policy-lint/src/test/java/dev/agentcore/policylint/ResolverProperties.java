package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ParseProblem;
import dev.agentcore.policylint.source.Position;
import dev.agentcore.policylint.source.SourceFile;
import dev.agentcore.policylint.source.TreeReader;
import dev.agentcore.policylint.template.Template;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/**
 * Properties of the intrinsic resolver: Sub, Join and parameter defaults produce the string CloudFormation would,
 * and every literal character of the result points back at the very character in the file.
 */
class ResolverProperties {

    private static Value.Text resolveResource(String yaml) throws ParseProblem {
        SourceFile file = new SourceFile(Path.of("t.yaml"), "t.yaml", yaml);
        Node root = TreeReader.read(file);
        Template t = Template.of(file, root).orElseThrow();
        Value v = t.properties(t.resources().get("R"));
        return (Value.Text) ((Value.MapValue) v).get("Value");
    }

    @Property(tries = 200)
    void subOfLiteralsAndDefaultsEqualsConcatenation(@ForAll("words") String a, @ForAll("words") String b,
            @ForAll("words") String c, @ForAll("styles") String style) throws ParseProblem {
        String sub = a + "${P}" + b + "${!Lit}" + c;
        String yaml = "Parameters:\n  P:\n    Type: String\n    Default: " + quote("dflt" + b, style) + "\nResources:\n  R:\n"
                + "    Type: X\n    Properties:\n      Value: !Sub " + quote(sub, style) + "\n";
        Value.Text text = resolveResource(yaml);
        assertThat(Texts.shape(text)).isEqualTo(a + "dflt" + b + b + "${Lit}" + c);
        assertEveryLiteralPointsAtItself(yaml, text, style);
    }

    @Property(tries = 200)
    void joinOfPartsEqualsJavaJoin(@ForAll("words") String a, @ForAll("words") String b, @ForAll("delims") String d,
            @ForAll("styles") String style) throws ParseProblem {
        String yaml = "Resources:\n  R:\n    Type: X\n    Properties:\n      Value: !Join [" + quote(d, style) + ", ["
                + quote(a, style) + ", " + quote(b, style) + ", !Ref AWS::Region]]\n";
        Value.Text text = resolveResource(yaml);
        assertThat(Texts.display(text)).isEqualTo(a + d + b + d + "${AWS::Region}");
        assertThat(Texts.pattern(text)).isEqualTo(a + d + b + d + "*");
        assertEveryLiteralPointsAtItself(yaml, text, style);
    }

    @Property(tries = 100)
    void unknownPiecesNeverBecomeLiteral(@ForAll("words") String a) throws ParseProblem {
        String yaml = "Resources:\n  O:\n    Type: Y\n  R:\n    Type: X\n    Properties:\n      Value: !Sub " + quote(a + "${O.Arn}${AWS::AccountId}${Missing}", "single") + "\n";
        Value.Text text = resolveResource(yaml);
        assertThat(Texts.isLiteral(text)).isFalse();
        assertThat(Texts.display(text)).isEqualTo(a + "${O.Arn}${AWS::AccountId}${Missing}");
    }

    /** An escaped line break in double quotes ({@code \} at the end of a line) stands for no character at all. */
    @Example
    void escapedLineBreaksInDoubleQuotesKeepPositions() throws ParseProblem {
        String yaml = "Resources:\n  R:\n    Type: X\n    Properties:\n      Value: !Sub \"arn:${AWS::Partition}:\\\n"
                + "        workload-identity-directory/default/\\\n        workload-identity/agentName-*\"\n";
        Value.Text text = resolveResource(yaml);
        assertThat(Texts.display(text)).isEqualTo(
                "arn:${AWS::Partition}:workload-identity-directory/default/workload-identity/agentName-*");
        assertEveryLiteralPointsAtItself(yaml, text, "double");
    }

    private static void assertEveryLiteralPointsAtItself(String yaml, Value.Text text, String style) {
        SourceFile file = new SourceFile(Path.of("t.yaml"), "t.yaml", yaml);
        String shape = Texts.shape(text);
        for (int i = 0; i < shape.length(); i++) {
            if (shape.charAt(i) == Texts.UNKNOWN) {
                continue;
            }
            Position p = Texts.region(text, i, i + 1).start();
            String line = file.line(p.line());
            assertThat(line.charAt(p.column() - 1)).as("char %d of %s at %s in %s", i, shape, p, yaml).isEqualTo(
                    expectedRaw(shape.charAt(i), style));
        }
    }

    /** In double quotes '"' and '\\' are escaped: the position points at the escape's backslash. */
    private static char expectedRaw(char c, String style) {
        return style.equals("double") && (c == '"' || c == '\\') ? '\\' : c;
    }

    private static String quote(String s, String style) {
        return switch (style) {
            case "single" -> "'" + s.replace("'", "''") + "'";
            case "double" -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            default -> "'" + s.replace("'", "''") + "'";
        };
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcXYZ019-_/:*.'\"\\ ").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.contains("${") && !s.startsWith(" ") && !s.endsWith(" "));
    }

    @Provide
    Arbitrary<String> delims() {
        return Arbitraries.of(":", "/", "", "-", ", ");
    }

    @Provide
    Arbitrary<String> styles() {
        return Arbitraries.of("single", "double");
    }

    @SuppressWarnings("unused")
    private static Arbitrary<String> unused() {
        return Combinators.combine(Arbitraries.just("a"), Arbitraries.just("b")).as((x, y) -> x + y);
    }
}
