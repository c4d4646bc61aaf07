package dev.agentcore.policylint.source;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.agentcore.core.text.JsonTokenizer;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML (all CloudFormation short-form tags, anchors and aliases, merge keys) or JSON into a {@link Node} tree
 * with the position of every value. Rejects alias bombs and absurd nesting with a positioned message. A duplicate key
 * is refused by {@link #read} (runtimes and configuration files); {@link #readTemplate} reads it as CloudFormation
 * does, keeping the last definition, and lists it.
 */
public final class TreeReader {

    /** Nodes a document may expand to through aliases; far above any real template (CloudFormation caps them at 1 MB). */
    static final int NODE_BUDGET = 1_000_000;
    static final int MAX_DEPTH = 400;

    /** Jackson's factories, made on first use: a run whose files BlockYaml and JsonTokenizer read never needs them. */
    private static final class Jackson {
        private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH + 10)
                .build();
        static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
        static final YAMLFactory YAML = YAMLFactory.builder()
                .streamReadConstraints(CONSTRAINTS)
                .loadSettings(LoadSettings.builder()
                        .setCodePointLimit(Integer.MAX_VALUE)
                        .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both positions
                        .build())
                .build();
    }

    /**
     * The tokens a tree is built from: Jackson's JSON or YAML parser, or {@link BlockYaml}. Offsets are character
     * offsets in the file; tags and anchors are YAML's (null for JSON).
     */
    interface Tokens {
        /** The next token; null after the document. */
        JsonToken next();

        /** Where the current token starts (a tagged value: its tag). */
        int offset();

        /** The current scalar's text. */
        String text();

        /** The current property name. */
        default String name() {
            return text();
        }

        /** The current value's tag without its '!' ({@code Sub} of {@code !Sub}), or null. */
        default String tag() {
            return null;
        }

        default String anchor() {
            return null;
        }

        default boolean isAlias() {
            return false;
        }
    }

    /** A document's tree and the keys it defines twice (the last definition is the one in the tree). */
    public record Parsed(Node root, List<DuplicateKey> duplicateKeys) {
        public Parsed {
            duplicateKeys = List.copyOf(duplicateKeys);
        }
    }

    private final SourceFile file;
    private final boolean yaml;
    /** True: a duplicate key is a parse error; false: the last definition wins and the duplicate is listed. */
    private final boolean strict;
    private final List<DuplicateKey> duplicates = new ArrayList<>();
    private final Map<String, Node> anchors = new HashMap<>();
    private int budget = NODE_BUDGET;
    private Tokens tokens;
    /** Of the values spent, those that aliases repeated: tells an alias bomb from a document that is simply large. */
    private long throughAliases;

    private TreeReader(SourceFile file, boolean yaml, boolean strict) {
        this.file = file;
        this.yaml = yaml;
        this.strict = strict;
    }

    /** Parses JSON when the text starts with '{' or '[' and is valid JSON, else YAML; a duplicate key is an error. */
    public static Node read(SourceFile file) throws ParseProblem {
        Parsed fast = readFast(file, true, true);
        return (fast != null ? fast : read(file, true)).root();
    }

    /**
     * Reads a template or policy as CloudFormation does: a key defined twice keeps its last definition, and the
     * duplicates are returned to be reported, not thrown, so that the rest of the file is still checked.
     */
    public static Parsed readTemplate(SourceFile file) throws ParseProblem {
        Parsed fast = readFast(file, true, false);
        return fast != null ? fast : read(file, false);
    }

    /**
     * The document read without Jackson, or null to leave it to the full reader: strict JSON through JsonTokenizer
     * (when {@code json} and the text starts like JSON), block YAML through BlockYaml. Most files are one or the other,
     * read at a fraction of the cost and without Jackson's start-up; what they refuse, and any problem, the full
     * reader reads again, and words the errors (and reads YAML flow style).
     */
    private static Parsed readFast(SourceFile file, boolean json, boolean strict) {
        try {
            if (startsLikeJson(file.text())) {
                if (!json) {
                    return null;
                }
                TreeReader reader = new TreeReader(file, false, strict);
                return new Parsed(reader.build(new StrictJsonTokens(file.text())), reader.duplicates);
            }
            BlockYaml tokens = BlockYaml.scan(file.text());
            if (tokens == null) {
                return null;
            }
            TreeReader reader = new TreeReader(file, true, strict);
            return new Parsed(reader.build(tokens), reader.duplicates);
        } catch (JsonTokenizer.Refused | ParseProblem e) {
            return null;
        }
    }

    /** {@link #readTemplate} without {@link BlockYaml}: what BlockYamlTest compares it with. */
    static Parsed readTemplateFully(SourceFile file) throws ParseProblem {
        return read(file, false);
    }

    /** True when BlockYaml reads the text (else the full reader does). */
    static boolean readsAsBlockYaml(SourceFile file) {
        return !startsLikeJson(file.text()) && BlockYaml.scan(file.text()) != null;
    }

    /** JsonTokenizer's tokens as Jackson names them. */
    private static final class StrictJsonTokens implements Tokens {
        private final JsonTokenizer json;

        StrictJsonTokens(String text) {
            this.json = new JsonTokenizer(text);
        }

        private JsonTokenizer.Token current;

        @Override
        public JsonToken next() {
            JsonTokenizer.Token t = json.next();
            current = t;
            return t == null ? null : switch (t) {
                case START_OBJECT -> JsonToken.START_OBJECT;
                case END_OBJECT -> JsonToken.END_OBJECT;
                case START_ARRAY -> JsonToken.START_ARRAY;
                case END_ARRAY -> JsonToken.END_ARRAY;
                case NAME -> JsonToken.PROPERTY_NAME;
                case STRING -> JsonToken.VALUE_STRING;
                case INTEGER -> JsonToken.VALUE_NUMBER_INT;
                case DECIMAL -> JsonToken.VALUE_NUMBER_FLOAT;
                case TRUE -> JsonToken.VALUE_TRUE;
                case FALSE -> JsonToken.VALUE_FALSE;
                case NULL -> JsonToken.VALUE_NULL;
            };
        }

        @Override
        public int offset() {
            return json.offset();
        }

        @Override
        public String text() {
            return current == JsonTokenizer.Token.TRUE ? "true" : current == JsonTokenizer.Token.FALSE ? "false" : json.text();
        }

        @Override
        public String name() {
            return json.text();
        }
    }

    private static boolean startsLikeJson(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && (text.charAt(i) == '{' || text.charAt(i) == '[');
    }

    private static Parsed read(SourceFile file, boolean strict) throws ParseProblem {
        if (startsLikeJson(file.text())) {
            try {
                return new TreeReader(file, false, strict).parsed();
            } catch (ParseProblem jsonProblem) {
                try {
                    return new TreeReader(file, true, strict).parsed(); // YAML flow style also starts with '{'
                } catch (ParseProblem yamlProblem) {
                    throw jsonProblem;
                }
            }
        }
        return new TreeReader(file, true, strict).parsed();
    }

    public static Node readYaml(SourceFile file) throws ParseProblem {
        Parsed fast = readFast(file, false, true);
        return fast != null ? fast.root() : new TreeReader(file, true, true).parse();
    }

    private Parsed parsed() throws ParseProblem {
        Node root = parse();
        return new Parsed(root, duplicates);
    }

    private Node parse() throws ParseProblem {
        try (JsonParser p = yaml
                ? Jackson.YAML.createParser(ObjectReadContext.empty(), new StringReader(file.text()))
                : Jackson.JSON.createParser(ObjectReadContext.empty(), file.text())) {
            return build(new JacksonTokens(p));
        } catch (JacksonException e) {
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof ReaderException r) {
                    // The reader refuses a character while filling its buffer, ahead of the token Jackson is on:
                    // its position (in code points) is the character's own.
                    String text = file.text();
                    int at = text.offsetByCodePoints(0, Math.min(Math.max(r.getPosition(), 0), text.codePointCount(0, text.length())));
                    throw new ParseProblem(String.format(Locale.ROOT, "YAML: special characters are not allowed (U+%04X)",
                            r.getCodePoint()), file.position(at));
                }
                if (c instanceof MarkedYamlEngineException m && m.getProblemMark().isPresent()) {
                    // snakeyaml-engine knows where the problem is, not only where the scanner started
                    var mark = m.getProblemMark().get();
                    throw new ParseProblem("YAML: " + m.getProblem() + (m.getContext() == null ? "" : " (" + m.getContext() + ")"),
                            file.position(file.offset(mark.getLine() + 1, mark.getColumn() + 1)));
                }
            }
            TokenStreamLocation loc = e.getLocation();
            String message = clean(e.getOriginalMessage());
            throw new ParseProblem((yaml ? "YAML: " : "JSON: ") + firstLine(message),
                    loc == null ? new Position(1, 1) : file.position(offset(loc)));
        } catch (RuntimeException e) {
            // snakeyaml-engine reports some scanner errors as its own runtime exceptions
            throw new ParseProblem((yaml ? "YAML: " : "JSON: ") + firstLine(String.valueOf(e.getMessage())),
                    new Position(1, 1));
        }
    }

    /** The document's tree from its tokens. */
    private Node build(Tokens source) throws ParseProblem {
        tokens = source;
        JsonToken t = tokens.next();
        if (t == null) {
            return new ScalarNode(file, 0, "", ScalarNode.Kind.NULL);
        }
        Node root = value(t, 1);
        if (!yaml && tokens.next() != null) {
            throw problem("unexpected content after the JSON document", tokens.offset());
        }
        return root;
    }

    /** Jackson's parser as {@link Tokens}. */
    private final class JacksonTokens implements Tokens {
        private final JsonParser p;
        private final YAMLParser yp;

        JacksonTokens(JsonParser p) {
            this.p = p;
            this.yp = p instanceof YAMLParser y ? y : null;
        }

        @Override
        public JsonToken next() {
            return p.nextToken();
        }

        @Override
        public int offset() {
            return TreeReader.this.offset(p.currentTokenLocation());
        }

        @Override
        public String text() {
            return p.getString();
        }

        @Override
        public String name() {
            return p.currentName();
        }

        @Override
        public String tag() {
            Object typeId = yp.getTypeId();
            return typeId == null ? null : typeId.toString();
        }

        @Override
        public String anchor() {
            Object objectId = yp.getObjectId();
            return objectId == null ? null : objectId.toString();
        }

        @Override
        public boolean isAlias() {
            return yp.isCurrentAlias();
        }
    }

    private Node value(JsonToken t, int depth) throws ParseProblem {
        int offset = tokens.offset();
        if (depth > MAX_DEPTH) {
            throw problem("nesting deeper than " + MAX_DEPTH + " levels", offset);
        }
        String tag = null;
        String anchor = null;
        if (yaml) {
            if (tokens.isAlias()) {
                Node target = anchors.get(tokens.text());
                if (target == null) {
                    throw problem("alias *" + tokens.text() + " refers to no anchor defined before it", offset);
                }
                spend(target.size(), offset, true);
                return target;
            }
            tag = tokens.tag();
            anchor = tokens.anchor();
        }
        Node node = switch (t) {
            case START_OBJECT -> map(offset, depth);
            case START_ARRAY -> list(offset, depth);
            case VALUE_STRING -> scalar(offset, tokens.text(), ScalarNode.Kind.STRING);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> scalar(offset, tokens.text(), ScalarNode.Kind.NUMBER);
            case VALUE_TRUE, VALUE_FALSE -> scalar(offset, tokens.text(), ScalarNode.Kind.BOOLEAN);
            case VALUE_NULL -> scalar(offset, "", ScalarNode.Kind.NULL);
            default -> throw problem("unexpected " + t, offset);
        };
        if (tag != null && !tag.startsWith("tag:yaml.org,2002:")) {
            node = longForm(tag, node, offset);
        }
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private ScalarNode scalar(int offset, String value, ScalarNode.Kind kind) throws ParseProblem {
        spend(1, offset, false);
        return new ScalarNode(file, offset, value == null ? "" : value, kind);
    }

    private Node map(int offset, int depth) throws ParseProblem {
        List<MapNode.Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>(); // key -> its index in entries
        List<Node> merges = new ArrayList<>();
        int size = 1;
        int childDepth = 0;
        JsonToken t;
        while ((t = tokens.next()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.PROPERTY_NAME) {
                throw problem("expected a key, found " + t, tokens.offset());
            }
            String name = tokens.name();
            int keyOffset = tokens.offset();
            if (!yaml) {
                // jackson-core places a name token where its scan began (after the comma): move to the quote
                String text = file.text();
                while (keyOffset < text.length() && (Character.isWhitespace(text.charAt(keyOffset)) || text.charAt(keyOffset) == ',')) {
                    keyOffset++;
                }
            }
            ScalarNode key = new ScalarNode(file, keyOffset, name == null ? "" : name, ScalarNode.Kind.STRING);
            Node value = value(tokens.next(), depth + 1);
            if (yaml && "<<".equals(name)) {
                merges.add(value);
                continue;
            }
            Integer firstIndex = seen.putIfAbsent(key.value(), entries.size());
            if (firstIndex != null) {
                MapNode.Entry first = entries.get(firstIndex);
                if (strict) {
                    throw new ParseProblem((yaml ? "YAML: " : "JSON: ") + "duplicate key '" + key.value()
                            + "' (first defined at line " + first.key().position().line() + ")", key.position());
                }
                // CloudFormation keeps the last definition: it takes the first one's place.
                duplicates.add(new DuplicateKey(first.key(), key));
                entries.set(firstIndex, new MapNode.Entry(key, value));
                size += value.size() - first.value().size();
                childDepth = Math.max(childDepth, value.depth());
                continue;
            }
            entries.add(new MapNode.Entry(key, value));
            size += value.size() + 1;
            childDepth = Math.max(childDepth, value.depth());
        }
        for (Node merge : merges) {
            List<Node> sources = merge instanceof ListNode l ? l.items() : List.of(merge);
            for (Node source : sources) {
                if (!(source instanceof MapNode m)) {
                    throw new ParseProblem("YAML: a merge key (<<) needs a mapping or a list of mappings", merge.position());
                }
                for (MapNode.Entry e : m.entries()) {
                    if (seen.putIfAbsent(e.key().value(), entries.size()) == null) {
                        entries.add(e);
                        size += e.value().size() + 1;
                        childDepth = Math.max(childDepth, e.value().depth());
                    }
                }
            }
        }
        spend(1, offset, false);
        return new MapNode(file, offset, entries, size, childDepth + 1);
    }

    private Node list(int offset, int depth) throws ParseProblem {
        List<Node> items = new ArrayList<>();
        int size = 1;
        int childDepth = 0;
        JsonToken t;
        while ((t = tokens.next()) != JsonToken.END_ARRAY) {
            Node item = value(t, depth + 1);
            items.add(item);
            size += item.size();
            childDepth = Math.max(childDepth, item.depth());
        }
        spend(1, offset, false);
        return new ListNode(file, offset, items, size, childDepth + 1);
    }

    /** {@code !Sub x} becomes {@code {"Fn::Sub": x}}; {@code !Ref} and {@code !Condition} keep their names. */
    private Node longForm(String tag, Node value, int offset) throws ParseProblem {
        String name = switch (tag) {
            case "Ref", "Condition" -> tag;
            default -> "Fn::" + tag;
        };
        if (value.depth() + 1 > MAX_DEPTH) {
            throw new ParseProblem("nesting deeper than " + MAX_DEPTH + " levels", file.position(offset));
        }
        spend(2, offset, false);
        ScalarNode key = new ScalarNode(file, offset, name, ScalarNode.Kind.STRING);
        return new MapNode(file, offset, List.of(new MapNode.Entry(key, value)), value.size() + 2, value.depth() + 1);
    }

    /** Counts {@code nodes} more values against the budget; past it, says whether aliases or sheer size did it. */
    private void spend(int nodes, int offset, boolean alias) throws ParseProblem {
        budget -= nodes;
        if (alias) {
            throughAliases += nodes;
        }
        if (budget < 0) {
            String message = throughAliases * 2 > NODE_BUDGET
                    ? "the document expands to more than " + NODE_BUDGET + " values through its aliases (an alias bomb?)"
                    : "the document holds more than " + NODE_BUDGET + " values (CloudFormation accepts templates up to 1 MB)";
            throw new ParseProblem(message, file.position(offset));
        }
    }

    private int offset(TokenStreamLocation loc) {
        if (loc == null) {
            return 0;
        }
        if (!yaml && loc.getCharOffset() >= 0) {
            return (int) Math.min(loc.getCharOffset(), file.text().length());
        }
        return file.offset(loc.getLineNr(), loc.getColumnNr());
    }

    private ParseProblem problem(String message, int offset) {
        return new ParseProblem((yaml ? "YAML: " : "JSON: ") + message, file.position(offset));
    }

    /** Jackson's messages name the source as "[Source: REDACTED ...]": we report positions ourselves. */
    private static String clean(String message) {
        return message == null ? null : message.replaceAll("\\s*\\(start marker at \\[Source:[^]]*]\\)", "")
                .replaceAll("\\s*at \\[Source:[^]]*]", "");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot parse";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
