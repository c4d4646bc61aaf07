package dev.agentcore.fitness.formulas;

import java.time.Duration;

/** Field estimates of maximal oxygen uptake (VO2 max, ml/kg/min), each from a published formula. */
public final class Vo2Max {

    private Vo2Max() {
    }

    /** Cooper (1968), 12-minute run test: {@code (metres - 504.9) / 44.73}. */
    public static double fromCooperTest(double metresIn12Minutes) {
        return (metresIn12Minutes - 504.9) / 44.73;
    }

    /** Uth, Sørensen, Overgaard and Pedersen (2004), heart-rate ratio: {@code 15.3 * HRmax / HRrest}. */
    public static double fromHeartRateRatio(int maxHeartRate, int restingHeartRate) {
        if (restingHeartRate <= 0) {
            throw new IllegalArgumentException("restingHeartRate must be positive, was " + restingHeartRate);
        }
        if (restingHeartRate >= maxHeartRate) {
            throw new IllegalArgumentException("restingHeartRate (" + restingHeartRate
                    + ") must be below the maximum heart rate (" + maxHeartRate + ")");
        }
        return 15.3 * maxHeartRate / restingHeartRate;
    }

    /**
     * Daniels and Gilbert (1979), VDOT from a race: the oxygen cost of the race velocity divided by the fraction of
     * VO2 max that can be held for the race's duration.
     */
    public static double fromRace(double metres, Duration time) {
        double minutes = time.toMillis() / 60_000.0;
        double metresPerMinute = metres / minutes;
        double oxygenCost = -4.60 + 0.182258 * metresPerMinute + 0.000104 * metresPerMinute * metresPerMinute;
        double fractionSustained = 0.8 + 0.1894393 * Math.exp(-0.012778 * minutes)
                + 0.2989558 * Math.exp(-0.1932605 * minutes);
        return oxygenCost / fractionSustained;
    }
}
