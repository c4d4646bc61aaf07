package dev.agentcore.fitness.formulas;

import java.time.Duration;
import java.util.Locale;

/** Pace, speed and Riegel's race-time prediction. */
public final class Pace {

    public static final double METRES_PER_MILE = 1609.344;

    /** Beyond this a running time is not plausible (the 100 m world record is about 37 km/h). */
    private static final double FASTEST_KMH = 40;

    /** A run's pace as runners read it: {@code m:ss} per kilometre and per mile, and km/h to one decimal. */
    public record RunningPace(String perKm, String perMile, double kmPerHour) {
    }

    private Pace() {
    }

    /** The pace and speed of a run, in the form both the coach agent and the MCP server answer with. */
    public static RunningPace of(double km, Duration time) {
        double secondsPerKm = secondsPerKm(km, time);
        return new RunningPace(RaceTime.format(secondsPerKm), RaceTime.format(secondsPerKm * METRES_PER_MILE / 1000),
                Precision.oneDecimal(kmPerHour(km, time)));
    }

    public static double secondsPerKm(double km, Duration time) {
        checkPlausible(km, time);
        return time.toMillis() / 1000.0 / km;
    }

    public static double kmPerHour(double km, Duration time) {
        checkPlausible(km, time);
        return km / (time.toMillis() / 3_600_000.0);
    }

    /** Riegel (1977): {@code T2 = T1 * (D2 / D1)^1.06}, in seconds. */
    public static double riegelSeconds(double fromKm, Duration fromTime, double toKm) {
        checkPlausible(fromKm, fromTime);
        return fromTime.toMillis() / 1000.0 * Math.pow(toKm / fromKm, 1.06);
    }

    /**
     * @throws IllegalArgumentException when the distance is not positive, or distance and time would mean running
     *                                  faster than any human
     */
    public static void checkPlausible(double km, Duration time) {
        if (!(km > 0)) {
            throw new IllegalArgumentException("the distance must be positive, was " + km + " km");
        }
        double kmh = km / (time.toMillis() / 3_600_000.0);
        if (kmh > FASTEST_KMH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%.1f km in %s is %.0f km/h, faster than any runner; check the distance and the time",
                    km, RaceTime.format(time.toSeconds()), kmh));
        }
    }
}
