package dev.agentcore.policylint.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BlockYaml reads what it accepts as snakeyaml-engine through Jackson does: the same tree (values, kinds, offsets,
 * duplicate keys), and what it cannot read that way it declines, so the full reader reads (or refuses) it.
 */
class BlockYamlTest {

    private static final Path RESOURCES = Path.of("src/test/resources");

    static Stream<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml") || f.toString().endsWith(".template"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("yamlFiles")
    void everyYamlResourceReadsAsTheFullReaderReadsIt(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (!(Documents.decode(file, file.toString(), bytes) instanceof Documents.Text text)) {
            return; // undecodable on purpose: never parsed
        }
        assertSameAsFullReader(text.file());
    }

    @Test
    void mostTemplatesAreReadWithoutTheFullReader() throws IOException {
        List<Path> files = yamlFiles().toList();
        long fast = files.stream().filter(f -> {
            try {
                String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
                return TreeReader.readsAsBlockYaml(new SourceFile(f, f.toString(), text));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
        assertThat(fast).as("of %d YAML resources", files.size()).isGreaterThan(files.size() * 3 / 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a: b\n",
        "a: b",
        "---\na: 1\nb: 1.5\nc: true\nd: false\ne: null\nf: -1\ng: 0x1F\nh: 1e3\ni: .inf\nj: -.inf\nk: .nan\nl: 2012-10-17\nm: 01\n",
        "a: True\nb: NULL\nc: ~\nd: yes\ne: '1'\nf: \"true\"\ng: -0\nh: 1.\ni: 123456789012345678901234567890\n",
        "# comment\n\nRoot:  # trailing\n  Key: value   # comment\n  Other: 'it''s'\n  Third: \"a\\\"b\\\\c\\n\\t\\u00e9\\/\"\n",
        "A:\n- x\n- y\nB:\n  - z\n  -   w\n",
        "S:\n  - Effect: Allow\n    Action:\n      - a:b\n    Resource: '*'\n  - Effect: Deny\n",
        "T:\n  R: !Ref Foo\n  S: !Sub 'arn:${AWS::Partition}:x'\n  G: !GetAtt Role.Arn\n  J: !Join ['', [a, !Ref B, 'c']]\n",
        "T:\n  J: !Join\n    - ''\n    - - a\n      - b\n",
        "T:\n  S: !Sub\n    - '${A}-x'\n    - A: !Ref B\n  I: !If [Cond, !Ref A, !Ref AWS::NoValue]\n",
        "T:\n  F: {Ref: X}\n  G: { 'Fn::GetAtt': [A, B] }\n  E: []\n  M: {}\n  N: [a, 'b', \"c\", 1, true, null]\n",
        "L: |\n  line one\n    indented\n\n  after blank\nF: >\n  folded\n  text\n\n  para\nS: |-\n  stripped\nT: >-\n  x\n  y\n\n\nU: !Sub |\n  ${A}\n",
        "K: |\n\n  leading blank\n",
        "A: x\nA: y\nB:\n  C: 1\n  C: 2\n",
        "'quoted key': 1\n\"double\": 2\nkey with spaces: 3\nFn::If: 4\naws:SourceArn: 5\n",
        "a: b # c\nd: e#f\ng: h:i\nj: [a:b, c]\n",
        "  indented: root\n  second: x\n",
        "- a\n- b: c\n  d: e\n",
        "a: b\n...\n",
        "a: b\n---\nc: d\n",
        "a: &x b\nc: *x\n",
        "a:\nb: c\n",
        "a: # x\nb: c\n",
        "- \n- b\n",
        "a:\n  - b\n  -\nc: d\n",
        "a:",
        "a:\n  b:\n  c:\nd:\n",
        "a:\n  b\n",
        "a: multi\n  line plain\n",
        "a: 'multi\n  line quoted'\n",
        "a: [\n  x]\n",
        "a: b: c\n",
        "a:\tb\n",
        "a: b\n  c: d\n",
        "a: |2\n   x\n",
        "a: |+\n  x\n\n",
        "a: |\n  x",
        "? a\n: b\n",
        "%YAML 1.2\n---\na: b\n",
        "a: - b\n",
        "- - a\n",
        "a: [a, b,]\n",
        "a: {b: c, d}\n",
        "a: [b: c]\n",
        "a: \"\\x41\"\n",
        "a: !!str 1\n",
        "a: !Ref\n",
        "a:\n  - b\n c: d\n",
        "a: @b\n",
        "a: `b\n",
        "a: 'b' c\n",
        "a: \"b\"#c\n",
        "a: >\n  x\n   more\n",
        "a: |\n    x\n  y\n",
        "a: x\n  # comment\nb: y\n",
        "a: x\n  # comment\n  y\n",
    })
    void snippets(String yaml) {
        assertSameAsFullReader(new SourceFile(Path.of("snippet.yaml"), "snippet.yaml", yaml));
    }

    @Test
    void declinesWhatItDoesNotRead() {
        for (String yaml : List.of("a: &x b\nc: *x\n", "a: multi\n  line\n", "a:\tb\n", "a: b\n---\nc: d\n", "a: \"\\x41\"\n")) {
            assertThat(TreeReader.readsAsBlockYaml(new SourceFile(Path.of("s.yaml"), "s.yaml", yaml))).as(yaml).isFalse();
        }
        assertThat(TreeReader.readsAsBlockYaml(new SourceFile(Path.of("s.yaml"), "s.yaml",
                "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Path: !Sub '/${A}/'\n"))).isTrue();
    }

    static void assertSameAsFullReader(SourceFile file) {
        String full = outcome(() -> TreeReader.readTemplateFully(file));
        String read = outcome(() -> TreeReader.readTemplate(file));
        assertThat(read).as(file.displayPath()).isEqualTo(full);
    }

    private interface Read {
        TreeReader.Parsed read() throws ParseProblem;
    }

    /** The tree with every offset, value and kind, and the duplicate keys; or the problem and where. */
    private static String outcome(Read read) {
        try {
            TreeReader.Parsed parsed = read.read();
            StringBuilder out = new StringBuilder();
            dump(parsed.root(), out, "");
            parsed.duplicateKeys().forEach(d -> out.append("duplicate ").append(d.first().offset()).append(' ')
                    .append(d.duplicate().offset()).append(' ').append(d.duplicate().value()).append('\n'));
            return out.toString();
        } catch (ParseProblem e) {
            return "problem " + e.getMessage() + " at " + e.position();
        }
    }

    private static void dump(Node node, StringBuilder out, String indent) {
        switch (node) {
            case ScalarNode s -> out.append(indent).append(s.kind()).append(' ').append(s.offset()).append(" [").append(s.value())
                    .append("]\n");
            case MapNode m -> {
                out.append(indent).append("map ").append(m.offset()).append(" size ").append(m.size()).append(" depth ")
                        .append(m.depth()).append('\n');
                for (MapNode.Entry e : m.entries()) {
                    out.append(indent).append(" key ").append(e.key().offset()).append(" [").append(e.key().value()).append("]\n");
                    dump(e.value(), out, indent + "  ");
                }
            }
            case ListNode l -> {
                out.append(indent).append("list ").append(l.offset()).append(" size ").append(l.size()).append(" depth ")
                        .append(l.depth()).append('\n');
                l.items().forEach(i -> dump(i, out, indent + "  "));
            }
        }
    }
}
