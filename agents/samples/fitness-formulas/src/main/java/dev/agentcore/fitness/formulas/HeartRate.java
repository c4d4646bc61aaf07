package dev.agentcore.fitness.formulas;

import java.util.List;
import java.util.stream.IntStream;

/** Maximum heart rate (Tanaka) and the five training zones, as fractions of the maximum or of the reserve (Karvonen). */
public final class HeartRate {

    private record Band(String name, double low, double high, String purpose) {
    }

    private static final List<Band> BANDS = List.of(
            new Band("Recovery", 0.50, 0.60, "easy days, warm-up, recovery"),
            new Band("Endurance", 0.60, 0.70, "aerobic base, long runs"),
            new Band("Tempo", 0.70, 0.80, "aerobic capacity, marathon effort"),
            new Band("Threshold", 0.80, 0.90, "lactate threshold, 10K to half-marathon effort"),
            new Band("VO2 max", 0.90, 1.00, "short intervals, 3K to 5K effort"));

    private HeartRate() {
    }

    /**
     * Tanaka, Monahan and Seals (2001): {@code 208 - 0.7 * age}, rounded to whole beats per minute, the number
     * callers report and base the zones on.
     *
     * @throws IllegalArgumentException when the age is not between 1 and 120
     */
    public static int estimatedMaximum(int age) {
        if (age < 1 || age > 120) {
            throw new IllegalArgumentException("age must be between 1 and 120, was " + age);
        }
        return (int) Math.round(208 - 0.7 * age);
    }

    /** Zones as fractions of the maximum heart rate (no resting rate known). */
    public static List<HeartRateZone> zonesOfMaximum(int maxHeartRate) {
        if (maxHeartRate <= 0) {
            throw new IllegalArgumentException("maxHeartRate must be positive, was " + maxHeartRate);
        }
        return zones(0, maxHeartRate);
    }

    /**
     * Karvonen's zones: {@code target = resting + intensity * (max - resting)}, the intensities of each zone's
     * bounds applied to the heart-rate reserve above the resting rate.
     *
     * <p>Rounding: the bounds are computed from whole-number maximum and resting rates and each is rounded
     * half up once, at the end. The maximum is rounded before it is used (see {@link #estimatedMaximum}), not
     * carried as 179.3: the maximum a caller reports is the whole number, so the zones must follow from the
     * numbers shown. A runner who applies the formula by hand to "maximum 179, resting 55" gets 117-129 for
     * zone 1; the unrounded maximum gave 117-130, which no whole-number inputs reproduce, and a tenth of a
     * beat is false precision for an estimate that is good to about 10 beats either way.
     *
     * @throws IllegalArgumentException when the resting rate is not positive or not below the maximum
     */
    public static List<HeartRateZone> zonesOfReserve(int maxHeartRate, int restingHeartRate) {
        if (restingHeartRate <= 0) {
            throw new IllegalArgumentException("restingHeartRate must be positive, was " + restingHeartRate);
        }
        if (restingHeartRate >= maxHeartRate) {
            throw new IllegalArgumentException("restingHeartRate (" + restingHeartRate
                    + ") must be below the maximum heart rate (" + maxHeartRate + ")");
        }
        return zones(restingHeartRate, maxHeartRate);
    }

    private static List<HeartRateZone> zones(int base, int maximum) {
        int reserve = maximum - base;
        return IntStream.range(0, BANDS.size()).mapToObj(i -> {
            Band band = BANDS.get(i);
            return new HeartRateZone(i + 1, band.name(), bound(base, band.low(), reserve), bound(base, band.high(), reserve),
                    band.purpose());
        }).toList();
    }

    private static int bound(int base, double intensity, int reserve) {
        return (int) Math.round(base + intensity * reserve);
    }
}
