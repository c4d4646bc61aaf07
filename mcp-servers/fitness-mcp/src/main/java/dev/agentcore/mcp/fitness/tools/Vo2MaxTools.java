package dev.agentcore.mcp.fitness.tools;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.agentcore.fitness.formulas.HeartRate;
import dev.agentcore.fitness.formulas.Pace;
import dev.agentcore.fitness.formulas.Precision;
import dev.agentcore.fitness.formulas.RaceTime;
import dev.agentcore.fitness.formulas.Vo2Max;
import dev.agentcore.mcp.server.tools.TypedTools;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Three ways to estimate VO2 max, one tool each, all answering with a {@link Vo2MaxEstimate}. */
public final class Vo2MaxTools {

    private Vo2MaxTools() {
    }

    @JsonClassDescription("An estimate of maximal oxygen uptake")
    public record Vo2MaxEstimate(
            @JsonPropertyDescription("estimated VO2 max, ml/kg/min, one decimal") double vo2max,
            @NotNull @JsonPropertyDescription("always ml/kg/min") String unit,
            @NotNull @JsonPropertyDescription("the estimation method") String method,
            @NotNull @JsonPropertyDescription("the formula and its source") String formula,
            @NotNull @JsonPropertyDescription("inputs that were estimated rather than given, if any") String notes) {
    }

    public record CooperTest(
            @DecimalMin("600") @DecimalMax("5000")
            @JsonPropertyDescription("metres covered in the 12-minute run, 600 to 5000") double distanceMetres) {
    }

    public record HeartRateRatio(
            @Min(25) @Max(120) @JsonPropertyDescription("resting heart rate, beats per minute, measured on waking")
            int restingHeartRate,
            @Min(100) @Max(230) @JsonPropertyDescription("measured maximum heart rate; estimated from age when absent")
            Integer maxHeartRate,
            @Min(10) @Max(100) @JsonPropertyDescription("age in years, needed when maxHeartRate is absent")
            Integer age) {
    }

    public record RaceResult(
            @DecimalMin("1.5") @DecimalMax("42.195")
            @JsonPropertyDescription("race distance in kilometres, 1.5 (1500 m) to 42.195 (marathon)") double distanceKm,
            @NotNull @Pattern(regexp = RaceTime.PATTERN)
            @JsonPropertyDescription("finish time, mm:ss or h:mm:ss, for example 24:30 or 1:52:10") String time) {
    }

    public static List<SyncToolSpecification> all(TypedTools tools) {
        return List.of(
                tools.tool("estimate_vo2max_cooper", CooperTest.class, Vo2MaxEstimate.class)
                        .title("VO2 max from a Cooper test")
                        .description("Estimates VO2 max from the distance run in 12 minutes (Cooper test).")
                        .readOnly()
                        .handledBy(Vo2MaxTools::cooper),
                tools.tool("estimate_vo2max_heart_rate", HeartRateRatio.class, Vo2MaxEstimate.class)
                        .title("VO2 max from heart rates")
                        .description("Estimates VO2 max from resting and maximum heart rate (Uth-Sørensen ratio); "
                                + "without a measured maximum, give the age and it is estimated (Tanaka).")
                        .readOnly()
                        .handledBy(Vo2MaxTools::heartRateRatio),
                tools.tool("estimate_vo2max_race", RaceResult.class, Vo2MaxEstimate.class)
                        .title("VO2 max from a race")
                        .description("Estimates VO2 max (Daniels' VDOT) from a recent race result between 1500 m and "
                                + "the marathon.")
                        .readOnly()
                        .handledBy(Vo2MaxTools::race));
    }

    static Vo2MaxEstimate cooper(CooperTest test) {
        return estimate(Vo2Max.fromCooperTest(test.distanceMetres()), "cooper_12_minute_run",
                "(metres - 504.9) / 44.73 (Cooper 1968)", "");
    }

    static Vo2MaxEstimate heartRateRatio(HeartRateRatio input) {
        MaxHeartRate max = MaxHeartRate.of(input.maxHeartRate(), input.age());
        return estimate(Vo2Max.fromHeartRateRatio(max.bpm(), input.restingHeartRate()), "heart_rate_ratio",
                "15.3 * HRmax / HRrest (Uth et al. 2004)", max.note());
    }

    static Vo2MaxEstimate race(RaceResult result) {
        Duration time = RaceTime.parse("time", result.time());
        Pace.checkPlausible(result.distanceKm(), time);
        if (time.toMinutes() > 300) {
            throw new IllegalArgumentException("time must be at most 5 hours for a VDOT estimate, got " + result.time());
        }
        return estimate(Vo2Max.fromRace(result.distanceKm() * 1000, time), "daniels_vdot",
                "VO2(v) / %VO2max(t) (Daniels and Gilbert 1979)", "");
    }

    private static Vo2MaxEstimate estimate(double vo2max, String method, String formula, String notes) {
        return new Vo2MaxEstimate(Precision.oneDecimal(vo2max), "ml/kg/min", method, formula, notes);
    }

    /** The maximum heart rate a tool works with: measured, or estimated from age. */
    record MaxHeartRate(int bpm, String source, String note) {

        static MaxHeartRate of(Integer measured, Integer age) {
            if (measured != null) {
                return new MaxHeartRate(measured, "measured", "");
            }
            if (age == null) {
                throw new IllegalArgumentException("give maxHeartRate, or age to estimate it");
            }
            int estimated = HeartRate.estimatedMaximum(age);
            return new MaxHeartRate(estimated, "estimated_from_age",
                    "maximum heart rate " + estimated + " estimated from age " + age + " (208 - 0.7 * age, Tanaka 2001)");
        }
    }
}
