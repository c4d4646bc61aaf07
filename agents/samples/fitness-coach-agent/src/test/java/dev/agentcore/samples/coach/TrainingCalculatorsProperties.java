package dev.agentcore.samples.coach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.fitness.formulas.HeartRate;
import dev.agentcore.fitness.formulas.Pace;
import dev.agentcore.fitness.formulas.Precision;
import dev.agentcore.fitness.formulas.Vo2Max;
import java.time.Duration;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * For every input the coach's tools accept, they answer exactly what fitness-formulas computes, which is what
 * the fitness MCP server answers with too (its SharedFormulasTest checks the same on its side).
 */
class TrainingCalculatorsProperties {

    private final TrainingCalculators calculators = new TrainingCalculators();

    @Property(tries = 1000)
    void heartRateZonesAreTheSharedFormulas(@ForAll @IntRange(min = 10, max = 100) int age,
                                            @ForAll @IntRange(min = 30, max = 120) int resting) {
        assertThat(calculators.heartRateZones(age, resting))
                .isEqualTo(HeartRate.zonesOfReserve(HeartRate.estimatedMaximum(age), resting));
    }

    @Property(tries = 300)
    void cooperEstimatesAreTheSharedFormula(@ForAll @IntRange(min = 1000, max = 5000) int metres) {
        assertThat(calculators.vo2MaxCooper(metres).mlPerKgPerMinute())
                .isEqualTo(Precision.oneDecimal(Vo2Max.fromCooperTest(metres)));
    }

    @Property(tries = 300)
    void pacesAreTheSharedFormula(@ForAll @IntRange(min = 1, max = 42) int km,
                                  @ForAll @IntRange(min = 10, max = 59) int minutes, @ForAll @IntRange(min = 0, max = 59) int seconds) {
        Duration time = Duration.ofMinutes(minutes).plusSeconds(seconds);
        Assume.that(km / (time.toSeconds() / 3600.0) <= 40);
        String written = String.format(java.util.Locale.ROOT, "%d:%02d", minutes, seconds);

        assertThat(calculators.pace(km, written)).isEqualTo(Pace.of(km, time));
    }
}
