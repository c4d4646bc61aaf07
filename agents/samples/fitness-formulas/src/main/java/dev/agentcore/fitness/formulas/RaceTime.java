package dev.agentcore.fitness.formulas;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Race and training times as runners write them: {@code mm:ss} or {@code h:mm:ss}. */
public final class RaceTime {

    /** The accepted notation, also used as the JSON Schema pattern of time arguments. */
    public static final String PATTERN = "^(\\d{1,2}:)?\\d{1,3}:\\d{2}$";

    private static final Pattern PARTS = Pattern.compile("^(?:(\\d{1,2}):)?(\\d{1,3}):(\\d{2})$");

    private RaceTime() {
    }

    /**
     * Parses {@code 45:30} or {@code 1:45:30}.
     *
     * @throws IllegalArgumentException naming {@code field} when the text is not such a time, or is zero
     */
    public static Duration parse(String field, String text) {
        Matcher parts = text == null ? null : PARTS.matcher(text.strip());
        if (parts == null || !parts.matches()) {
            throw new IllegalArgumentException(field + " must look like mm:ss or h:mm:ss, got '" + text + "'");
        }
        long hours = parts.group(1) == null ? 0 : Long.parseLong(parts.group(1));
        long minutes = Long.parseLong(parts.group(2));
        long seconds = Long.parseLong(parts.group(3));
        if (seconds > 59 || (hours > 0 && minutes > 59)) {
            throw new IllegalArgumentException(field + " has more than 59 " + (seconds > 59 ? "seconds" : "minutes")
                    + " in '" + text + "'");
        }
        Duration time = Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds);
        if (time.isZero()) {
            throw new IllegalArgumentException(field + " must be longer than zero");
        }
        return time;
    }

    /** {@code 4:05} below an hour, {@code 1:02:03} from an hour on; rounded to the second. */
    public static String format(double seconds) {
        long total = Math.round(seconds);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long secs = total % 60;
        // Locale.ROOT: an Arabic or Persian default locale would write the digits as ٤:٠٥.
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
