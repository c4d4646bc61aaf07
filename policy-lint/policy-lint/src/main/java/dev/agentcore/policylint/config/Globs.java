package dev.agentcore.policylint.config;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.PatternSyntaxException;

/** Globs of paths (excludes, config ignores), compiled once where they are read so a bad one is named, not thrown later. */
public final class Globs {

    /** A pattern that is no glob; the message names it and what is wrong ("unclosed character class"). */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private Globs() {
    }

    public static PathMatcher compile(String glob) throws Invalid {
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (PatternSyntaxException e) {
            throw new Invalid("'" + glob + "' is not a glob: " + describe(e));
        } catch (IllegalArgumentException e) {
            throw new Invalid("'" + glob + "' is not a glob: " + e.getMessage());
        }
    }

    /** Matchers for exclude globs: each as written, relative to its base, and below any directory ({@code **}/glob). */
    public static List<PathMatcher> excludes(List<String> globs) throws Invalid {
        List<PathMatcher> out = new ArrayList<>();
        for (String glob : globs) {
            out.add(compile(glob));
            out.add(compile("**/" + glob));
        }
        return out;
    }

    /** The JDK's description ("Missing ']", "Cannot nest groups") in lower case, with where it stopped. */
    private static String describe(PatternSyntaxException e) {
        String d = e.getDescription().replace("'", "");
        String what = d.isEmpty() ? "invalid" : d.substring(0, 1).toLowerCase(Locale.ROOT) + d.substring(1);
        return e.getIndex() >= 0 ? what + " at character " + (e.getIndex() + 1) : what;
    }
}
