package dev.agentcore.mcp.fitness.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.fitness.formulas.HeartRate;
import dev.agentcore.fitness.formulas.HeartRateZone;
import dev.agentcore.fitness.formulas.Pace;
import dev.agentcore.fitness.formulas.Precision;
import dev.agentcore.fitness.formulas.Vo2Max;
import java.time.Duration;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The tools answer what fitness-formulas computes, which the fitness coach agent answers with too (its
 * TrainingCalculatorsTest and TrainingCalculatorsProperties pin the same numbers on its side).
 */
class SharedFormulasTest {

    /** The case where the two disagreed: 117-130 from the agent, 117-129 from this server. */
    @Example
    void zoneOneForAge41AndResting55IsTheSameAsTheCoachAgents() {
        HeartRateZone zone1 = TrainingTools.zones(new TrainingTools.ZonesRequest(41, null, 55)).zones().getFirst();

        assertThat(zone1.lowBpm()).isEqualTo(117);
        assertThat(zone1.highBpm()).isEqualTo(129);
    }

    @Example
    void aTenKilometreRunIn50MinutesIsTheCoachAgentsPace() {
        TrainingTools.PaceResult pace = TrainingTools.pace(new TrainingTools.PaceRequest(10, "50:00"));

        assertThat(new Pace.RunningPace(pace.pacePerKm(), pace.pacePerMile(), pace.speedKmh()))
                .isEqualTo(new Pace.RunningPace("5:00", "8:03", 12.0));
    }

    @Property(tries = 1000)
    void heartRateZonesAreTheSharedFormulas(@ForAll @IntRange(min = 10, max = 100) int age,
                                            @ForAll @IntRange(min = 30, max = 120) int resting) {
        assertThat(TrainingTools.zones(new TrainingTools.ZonesRequest(age, null, resting)).zones())
                .isEqualTo(HeartRate.zonesOfReserve(HeartRate.estimatedMaximum(age), resting));
    }

    @Property(tries = 300)
    void cooperEstimatesAreTheSharedFormula(@ForAll @IntRange(min = 1000, max = 5000) int metres) {
        assertThat(Vo2MaxTools.cooper(new Vo2MaxTools.CooperTest(metres)).vo2max())
                .isEqualTo(Precision.oneDecimal(Vo2Max.fromCooperTest(metres)));
    }

    @Property(tries = 300)
    void pacesAreTheSharedFormula(@ForAll @IntRange(min = 1, max = 42) int km,
                                  @ForAll @IntRange(min = 10, max = 59) int minutes, @ForAll @IntRange(min = 0, max = 59) int seconds) {
        Duration time = Duration.ofMinutes(minutes).plusSeconds(seconds);
        net.jqwik.api.Assume.that(km / (time.toSeconds() / 3600.0) <= 40);
        TrainingTools.PaceResult pace = TrainingTools.pace(new TrainingTools.PaceRequest(km,
                String.format(java.util.Locale.ROOT, "%d:%02d", minutes, seconds)));

        assertThat(new Pace.RunningPace(pace.pacePerKm(), pace.pacePerMile(), pace.speedKmh())).isEqualTo(Pace.of(km, time));
    }
}
