package dev.agentcore.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings a known-bad fixture expects, written next to the offending line as {@code # expect: RULE [RULE...]}
 * (Error Prone's style): each rule is expected on the next line that is not a comment. Read as "RULE@line".
 */
public final class Expectations {

    private static final Pattern EXPECTATION = Pattern.compile("^\\s*# expect: ((?:[A-Z]+\\d+\\s*)+)");

    private Expectations() {
    }

    public static List<String> of(Path fixture) {
        List<String> lines;
        try {
            lines = Files.readAllLines(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = EXPECTATION.matcher(lines.get(i));
            if (matcher.find()) {
                int target = i + 1;
                while (target < lines.size() && lines.get(target).strip().startsWith("#")) {
                    target++;
                }
                for (String rule : matcher.group(1).trim().split("\\s+")) {
                    expected.add(rule + "@" + (target + 1));
                }
            }
        }
        return expected;
    }

    /** The line of a "RULE@line" expectation. */
    public static int line(String expectation) {
        return Integer.parseInt(expectation.substring(expectation.indexOf('@') + 1));
    }
}
