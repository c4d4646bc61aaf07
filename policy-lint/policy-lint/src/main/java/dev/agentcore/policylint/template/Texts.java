package dev.agentcore.policylint.template;

import java.util.List;
import java.util.regex.Pattern;

import dev.agentcore.policylint.source.Position;
import dev.agentcore.policylint.source.Region;

/**
 * Views of a resolved string used by the rules. The <em>shape</em> has one character per literal character and one
 * {@link #UNKNOWN} character per unknown piece, so indices in it map back to the file.
 */
public final class Texts {

    /** Stands for an unknown piece in a shape. */
    public static final char UNKNOWN = '\uE000';

    private Texts() {
    }

    public static String shape(Value.Text text) {
        List<Piece> pieces = text.pieces();
        if (pieces.size() == 1 && pieces.getFirst() instanceof Piece.Literal only) {
            return only.text(); // most strings: one literal, asked for by every rule
        }
        StringBuilder sb = new StringBuilder();
        for (Piece p : text.pieces()) {
            if (p instanceof Piece.Literal l) {
                sb.append(l.text());
            } else {
                sb.append(UNKNOWN);
            }
        }
        return sb.toString();
    }

    private static final Pattern UNKNOWN_RUN = Pattern.compile(UNKNOWN + "+");

    /** {@code shape} with each run of unknown characters as one {@code *}: an IAM pattern. */
    public static String unknownRunsAsStar(CharSequence shape) {
        String s = shape.toString();
        return s.indexOf(UNKNOWN) < 0 ? s : UNKNOWN_RUN.matcher(s).replaceAll("*");
    }

    /** The string as an IAM pattern: unknown pieces become {@code *} (they may be anything). */
    public static String pattern(Value.Text text) {
        return shape(text).replace(UNKNOWN, '*');
    }

    /** The string for messages: unknown pieces as {@code ${Name}} like in a Sub. */
    public static String display(Value.Text text) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : text.pieces()) {
            if (p instanceof Piece.Literal l) {
                sb.append(l.text());
            } else if (p instanceof Piece.Unknown u) {
                sb.append("${").append(u.label()).append('}');
            }
        }
        return sb.toString();
    }

    public static boolean isLiteral(Value.Text text) {
        for (Piece p : text.pieces()) {
            if (!(p instanceof Piece.Literal)) {
                return false;
            }
        }
        return true;
    }

    /** The literal piece that holds shape index {@code index}, or null when the index falls on an unknown piece. */
    public static Piece.Literal literalAt(Value.Text text, int index) {
        int at = 0;
        for (Piece p : text.pieces()) {
            int len = p instanceof Piece.Literal l ? l.text().length() : 1;
            if (index < at + len) {
                return p instanceof Piece.Literal l ? l : null;
            }
            at += len;
        }
        return null;
    }

    /** True when shape range [from, to) is made of literal characters only. */
    public static boolean literalRange(Value.Text text, int from, int to) {
        String shape = shape(text);
        for (int i = from; i < to && i < shape.length(); i++) {
            if (shape.charAt(i) == UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    /** Where shape range [from, to) was written: the file and the start and end position of the characters. */
    public static Region region(Value.Text text, int from, int to) {
        Position start = position(text, from, false);
        Position end = to > from ? position(text, to - 1, true) : start;
        Region anchor = text.node().region();
        if (start == null) {
            return anchor;
        }
        Piece.Literal first = literalAt(text, from);
        Piece.Literal last = literalAt(text, Math.max(from, to - 1));
        if (end == null || first == null || last == null || first.origin() != last.origin()) {
            // The range spans pieces written in different places: point at where it starts.
            return new Region(first == null ? anchor.file() : first.origin().file(), start,
                    new Position(start.line(), start.column() + 1));
        }
        return new Region(first.origin().file(), start, end);
    }

    private static Position position(Value.Text text, int index, boolean after) {
        int at = 0;
        List<Piece> pieces = text.pieces();
        for (Piece p : pieces) {
            int len = p instanceof Piece.Literal l ? l.text().length() : 1;
            if (index < at + len) {
                if (p instanceof Piece.Literal l) {
                    Position pos = l.origin().positionOf(l.from() + index - at);
                    return after ? new Position(pos.line(), pos.column() + 1) : pos;
                }
                Position pos = ((Piece.Unknown) p).origin().position();
                return after ? new Position(pos.line(), pos.column() + 1) : pos;
            }
            at += len;
        }
        return null;
    }
}
