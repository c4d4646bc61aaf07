package dev.agentcore.samples.coach;

import dev.agentcore.agent.tool.Tool;
import dev.agentcore.agent.tool.ToolParam;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The coach's tools: plain methods the model may call; their schemas come from the parameters. */
@Component
public class TrainingCalculators {

    public record Pace(String perKilometre, String perMile, double kilometresPerHour) {
    }

    public record Vo2Max(double mlPerKgPerMinute, String method) {
    }

    public record Zone(int zone, String name, int fromBpm, int toBpm) {
    }

    @Tool(name = "pace", description = "Running pace for a distance and a finish time: min/km, min/mile and km/h.")
    public Pace pace(@ToolParam(description = "distance in kilometres, for example 10 or 21.0975") double distanceKm,
                     @ToolParam(description = "finish time as h:mm:ss or mm:ss, for example 52:30") String time) {
        if (distanceKm <= 0) {
            throw new IllegalArgumentException("distanceKm must be positive, was " + distanceKm);
        }
        double seconds = seconds(time);
        return new Pace(clock(seconds / distanceKm), clock(seconds / (distanceKm / 1.609344)),
                round(distanceKm / (seconds / 3600)));
    }

    @Tool(name = "vo2_max_cooper", description = "Estimates VO2 max (ml/kg/min) from the distance run in a "
            + "12-minute Cooper test: (metres - 504.9) / 44.73.")
    public Vo2Max vo2MaxCooper(@ToolParam(description = "metres covered in 12 minutes, 1000 to 5000") int metres) {
        if (metres < 1000 || metres > 5000) {
            throw new IllegalArgumentException("metres must be between 1000 and 5000 for a 12-minute run, was " + metres);
        }
        return new Vo2Max(round((metres - 504.9) / 44.73), "Cooper 12-minute test");
    }

    @Tool(name = "heart_rate_zones", description = "Five heart-rate training zones by the Karvonen method "
            + "(heart-rate reserve), with maximum heart rate estimated as 208 - 0.7 x age (Tanaka).")
    public List<Zone> heartRateZones(@ToolParam(description = "age in years, 10 to 100") int age,
                                     @ToolParam(description = "resting heart rate in beats per minute, 30 to 120") int restingHeartRate) {
        if (age < 10 || age > 100) {
            throw new IllegalArgumentException("age must be between 10 and 100, was " + age);
        }
        if (restingHeartRate < 30 || restingHeartRate > 120) {
            throw new IllegalArgumentException("restingHeartRate must be between 30 and 120, was " + restingHeartRate);
        }
        double max = 208 - 0.7 * age;
        double reserve = max - restingHeartRate;
        String[] names = {"recovery", "endurance", "tempo", "threshold", "VO2 max"};
        return java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> new Zone(i + 1, names[i],
                        (int) Math.round(restingHeartRate + reserve * (0.5 + 0.1 * i)),
                        (int) Math.round(restingHeartRate + reserve * (0.6 + 0.1 * i))))
                .toList();
    }

    private static double seconds(String time) {
        String[] parts = time.trim().split(":");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("time must be h:mm:ss or mm:ss, was '" + time + "'");
        }
        double total = 0;
        for (String part : parts) {
            total = total * 60 + Integer.parseInt(part);
        }
        if (total <= 0) {
            throw new IllegalArgumentException("time must be positive, was '" + time + "'");
        }
        return total;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
