package dev.agentcore.mcp.fitness.calc;

import java.util.List;

/** Maximum heart rate and the five training zones. */
public final class HeartRate {

    /** A training zone: its number, name, bounds in beats per minute and what it trains. */
    public record Zone(int zone, String name, int lowBpm, int highBpm, String purpose) {
    }

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

    /** Tanaka, Monahan and Seals (2001): {@code 208 - 0.7 * age}, rounded. */
    public static int estimatedMaximum(int age) {
        return (int) Math.round(208 - 0.7 * age);
    }

    /** Zones as fractions of the maximum heart rate. */
    public static List<Zone> zonesOfMaximum(int maxHeartRate) {
        return BANDS.stream().map(band -> zone(band, 0, maxHeartRate)).toList();
    }

    /** Karvonen's zones: fractions of the heart-rate reserve (maximum - resting) above the resting rate. */
    public static List<Zone> zonesOfReserve(int maxHeartRate, int restingHeartRate) {
        if (restingHeartRate >= maxHeartRate) {
            throw new IllegalArgumentException("restingHeartRate (" + restingHeartRate
                    + ") must be below the maximum heart rate (" + maxHeartRate + ")");
        }
        return BANDS.stream().map(band -> zone(band, restingHeartRate, maxHeartRate)).toList();
    }

    private static Zone zone(Band band, int resting, int maximum) {
        int reserve = maximum - resting;
        return new Zone(BANDS.indexOf(band) + 1, band.name(), (int) Math.round(resting + band.low() * reserve),
                (int) Math.round(resting + band.high() * reserve), band.purpose());
    }
}
