package dev.agentcore.fitness.formulas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class PaceAndTimeProperties {

    @Property(tries = 1000)
    void aFormattedTimeParsesBackToItself(@ForAll @IntRange(min = 1, max = 99 * 3600 + 59 * 60 + 59) int seconds) {
        assertThat(RaceTime.parse("time", RaceTime.format(seconds))).isEqualTo(Duration.ofSeconds(seconds));
        assertThat(RaceTime.format(seconds)).matches(RaceTime.PATTERN);
    }

    @Property(tries = 1000)
    void paceTimesDistanceIsTheTime(@ForAll @DoubleRange(min = 0.4, max = 100) double km,
                                    @ForAll @IntRange(min = 60, max = 24 * 3600) int seconds) {
        Duration time = Duration.ofSeconds(seconds);
        Assume.that(km / (seconds / 3600.0) <= 40);

        assertThat(Pace.secondsPerKm(km, time) * km).isCloseTo(seconds, within(1e-6));
        assertThat(Pace.kmPerHour(km, time) * Pace.secondsPerKm(km, time)).isCloseTo(3600, within(1e-6));
        Pace.RunningPace pace = Pace.of(km, time);
        assertThat(pace.kmPerHour()).isEqualTo(Precision.oneDecimal(Pace.kmPerHour(km, time)));
        assertThat(RaceTime.parse("perKm", pace.perKm()).toSeconds()).isEqualTo(Math.round(Pace.secondsPerKm(km, time)));
    }

    @Property(tries = 500)
    void riegelPredictsSlowerPacesForLongerRaces(@ForAll @DoubleRange(min = 1, max = 42.195) @Scale(3) double fromKm,
                                                 @ForAll @DoubleRange(min = 1, max = 42.195) @Scale(3) double toKm,
                                                 @ForAll @IntRange(min = 180, max = 6 * 3600) int seconds) {
        Duration time = Duration.ofSeconds(seconds);
        Assume.that(fromKm / (seconds / 3600.0) <= 40);

        double predicted = Pace.riegelSeconds(fromKm, time, toKm);
        assertThat(Pace.riegelSeconds(fromKm, time, fromKm)).isCloseTo(seconds, within(1e-6));
        if (toKm > fromKm) {
            assertThat(predicted / toKm).isGreaterThan(seconds / fromKm);
        } else if (toKm < fromKm) {
            assertThat(predicted / toKm).isLessThan(seconds / fromKm);
        }
    }

    @Property(tries = 300)
    void aLongerCooperRunMeansAHigherVo2Max(@ForAll @IntRange(min = 600, max = 4999) int metres) {
        assertThat(Vo2Max.fromCooperTest(metres + 1)).isGreaterThan(Vo2Max.fromCooperTest(metres));
    }
}
