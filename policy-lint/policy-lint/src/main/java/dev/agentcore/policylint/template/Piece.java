package dev.agentcore.policylint.template;

import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ScalarNode;

/** One run of a resolved string. */
public sealed interface Piece {

    /**
     * Text written in the file: {@code length} characters of {@code origin}'s value from {@code from}. {@code via} says
     * how it got here when not written in place ("parameter AgentName", "mapping Env"), else null.
     */
    record Literal(String text, ScalarNode origin, int from, String via) implements Piece {
    }

    /**
     * A value known only at deploy time. {@code kind} tells what it is; {@code target} is the logical id (resource or
     * parameter) or pseudo parameter it refers to; {@code attribute} the GetAtt attribute, if any.
     */
    record Unknown(Kind kind, String target, String attribute, Node origin) implements Piece {

        public enum Kind {
            PSEUDO_PARAMETER, PARAMETER, RESOURCE_REF, GET_ATT, IMPORT, FUNCTION
        }

        public String label() {
            return attribute == null ? target : target + "." + attribute;
        }
    }
}
