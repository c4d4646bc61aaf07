package dev.agentcore.samples.coach;

import dev.agentcore.agent.tool.Tool;
import dev.agentcore.agent.tool.ToolParam;
import dev.agentcore.fitness.formulas.HeartRate;
import dev.agentcore.fitness.formulas.HeartRateZone;
import dev.agentcore.fitness.formulas.Pace;
import dev.agentcore.fitness.formulas.Precision;
import dev.agentcore.fitness.formulas.RaceTime;
import dev.agentcore.fitness.formulas.Vo2Max;
import java.time.Duration;
import java.util.List;

/**
 * The coach's tools: plain methods the model may call; their schemas come from the parameters. The formulas
 * are fitness-formulas', the same the fitness MCP server answers with; this class only checks the inputs a
 * model sends and names the results.
 */
public class TrainingCalculators {

    public record Vo2MaxEstimate(double mlPerKgPerMinute, String method) {
    }

    @Tool(name = "pace", description = "Running pace for a distance and a finish time: min/km, min/mile and km/h.")
    public Pace.RunningPace pace(@ToolParam(description = "distance in kilometres, for example 10 or 21.0975") double distanceKm,
                                 @ToolParam(description = "finish time as h:mm:ss or mm:ss, for example 52:30") String time) {
        if (distanceKm <= 0) {
            throw new IllegalArgumentException("distanceKm must be positive, was " + distanceKm);
        }
        Duration duration = RaceTime.parse("time", time);
        return Pace.of(distanceKm, duration);
    }

    @Tool(name = "vo2_max_cooper", description = "Estimates VO2 max (ml/kg/min) from the distance run in a "
            + "12-minute Cooper test: (metres - 504.9) / 44.73.")
    public Vo2MaxEstimate vo2MaxCooper(@ToolParam(description = "metres covered in 12 minutes, 1000 to 5000") int metres) {
        if (metres < 1000 || metres > 5000) {
            throw new IllegalArgumentException("metres must be between 1000 and 5000 for a 12-minute run, was " + metres);
        }
        return new Vo2MaxEstimate(Precision.oneDecimal(Vo2Max.fromCooperTest(metres)), "Cooper 12-minute test");
    }

    @Tool(name = "heart_rate_zones", description = "Five heart-rate training zones by the Karvonen method "
            + "(heart-rate reserve), with maximum heart rate estimated as 208 - 0.7 x age (Tanaka).")
    public List<HeartRateZone> heartRateZones(@ToolParam(description = "age in years, 10 to 100") int age,
                                              @ToolParam(description = "resting heart rate in beats per minute, 30 to 120") int restingHeartRate) {
        if (age < 10 || age > 100) {
            throw new IllegalArgumentException("age must be between 10 and 100, was " + age);
        }
        if (restingHeartRate < 30 || restingHeartRate > 120) {
            throw new IllegalArgumentException("restingHeartRate must be between 30 and 120, was " + restingHeartRate);
        }
        return HeartRate.zonesOfReserve(HeartRate.estimatedMaximum(age), restingHeartRate);
    }
}
