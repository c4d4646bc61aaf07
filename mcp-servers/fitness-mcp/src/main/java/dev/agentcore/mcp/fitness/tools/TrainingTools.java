package dev.agentcore.mcp.fitness.tools;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import dev.agentcore.fitness.formulas.HeartRate;
import dev.agentcore.fitness.formulas.HeartRateZone;
import dev.agentcore.fitness.formulas.Pace;
import dev.agentcore.fitness.formulas.RaceTime;
import dev.agentcore.mcp.server.tools.TypedTools;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Heart-rate zones, pace and race-time prediction. */
public final class TrainingTools {

    private TrainingTools() {
    }

    public record ZonesRequest(
            @Min(10) @Max(100) @JsonPropertyDescription("age in years, used when maxHeartRate is absent") Integer age,
            @Min(100) @Max(230) @JsonPropertyDescription("measured maximum heart rate, beats per minute") Integer maxHeartRate,
            @Min(25) @Max(120) @JsonPropertyDescription("resting heart rate; when given, zones follow Karvonen's heart-rate reserve")
            Integer restingHeartRate) {
    }

    @JsonClassDescription("Five heart-rate training zones")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Zones(
            @JsonPropertyDescription("the maximum heart rate the zones are based on") int maxHeartRate,
            @NotNull @JsonPropertyDescription("measured or estimated_from_age") String maxHeartRateSource,
            @JsonPropertyDescription("the resting heart rate used, if any") Integer restingHeartRate,
            @NotNull @JsonPropertyDescription("heart_rate_reserve (Karvonen) or percent_of_max") String method,
            @NotNull @JsonPropertyDescription("zones 1 (easiest) to 5") List<HeartRateZone> zones) {
    }

    public record PaceRequest(
            @DecimalMin("0.1") @DecimalMax("1000") @JsonPropertyDescription("distance in kilometres") double distanceKm,
            @NotNull @Pattern(regexp = RaceTime.PATTERN)
            @JsonPropertyDescription("time taken, mm:ss or h:mm:ss") String time) {
    }

    @JsonClassDescription("Pace and speed over a distance")
    public record PaceResult(
            @JsonPropertyDescription("distance in kilometres") double distanceKm,
            @NotNull @JsonPropertyDescription("time taken, normalised") String time,
            @NotNull @JsonPropertyDescription("minutes:seconds per kilometre") String pacePerKm,
            @NotNull @JsonPropertyDescription("minutes:seconds per mile") String pacePerMile,
            @JsonPropertyDescription("kilometres per hour, one decimal") double speedKmh) {
    }

    public record PredictionRequest(
            @NotNull @JsonPropertyDescription("the race run") RaceDistance fromRace,
            @NotNull @Pattern(regexp = RaceTime.PATTERN) @JsonPropertyDescription("its finish time, mm:ss or h:mm:ss") String fromTime,
            @NotNull @JsonPropertyDescription("the race to predict") RaceDistance toRace) {
    }

    @JsonClassDescription("A predicted finish time")
    public record Prediction(
            @NotNull @JsonPropertyDescription("the race to predict") RaceDistance toRace,
            @NotNull @JsonPropertyDescription("predicted finish time") String predictedTime,
            @NotNull @JsonPropertyDescription("predicted pace, minutes:seconds per kilometre") String pacePerKm,
            @NotNull @JsonPropertyDescription("the formula and its source") String formula) {
    }

    public static List<SyncToolSpecification> all(TypedTools tools) {
        return List.of(
                tools.tool("heart_rate_zones", ZonesRequest.class, Zones.class)
                        .title("Heart-rate zones")
                        .description("Five heart-rate training zones from the maximum heart rate (measured, or "
                                + "estimated from age), using the heart-rate reserve when the resting rate is given.")
                        .readOnly()
                        .handledBy(TrainingTools::zones),
                tools.tool("running_pace", PaceRequest.class, PaceResult.class)
                        .title("Running pace")
                        .description("Pace per kilometre and per mile, and speed, for a distance and a time.")
                        .readOnly()
                        .handledBy(TrainingTools::pace),
                tools.tool("predict_race_time", PredictionRequest.class, Prediction.class)
                        .title("Race-time prediction")
                        .description("Predicts a finish time at another standard distance from a race result "
                                + "(Riegel's formula).")
                        .readOnly()
                        .handledBy(TrainingTools::predict));
    }

    static Zones zones(ZonesRequest request) {
        Vo2MaxTools.MaxHeartRate max = Vo2MaxTools.MaxHeartRate.of(request.maxHeartRate(), request.age());
        Integer resting = request.restingHeartRate();
        return resting == null
                ? new Zones(max.bpm(), max.source(), null, "percent_of_max", HeartRate.zonesOfMaximum(max.bpm()))
                : new Zones(max.bpm(), max.source(), resting, "heart_rate_reserve",
                        HeartRate.zonesOfReserve(max.bpm(), resting));
    }

    static PaceResult pace(PaceRequest request) {
        Duration time = RaceTime.parse("time", request.time());
        Pace.RunningPace pace = Pace.of(request.distanceKm(), time);
        return new PaceResult(request.distanceKm(), RaceTime.format(time.toSeconds()), pace.perKm(), pace.perMile(),
                pace.kmPerHour());
    }

    static Prediction predict(PredictionRequest request) {
        Duration time = RaceTime.parse("fromTime", request.fromTime());
        double seconds = Pace.riegelSeconds(request.fromRace().km(), time, request.toRace().km());
        return new Prediction(request.toRace(), RaceTime.format(seconds), RaceTime.format(seconds / request.toRace().km()),
                "T2 = T1 * (D2 / D1)^1.06 (Riegel 1977)");
    }
}
