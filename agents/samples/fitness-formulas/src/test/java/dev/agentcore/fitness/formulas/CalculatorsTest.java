package dev.agentcore.fitness.formulas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Each formula against values worked by hand or published with it. */
class CalculatorsTest {

    @Test
    void cooperTest() {
        assertThat(Vo2Max.fromCooperTest(2800)).isCloseTo(51.3, within(0.05));
        assertThat(Vo2Max.fromCooperTest(2000)).isCloseTo(33.4, within(0.05));
    }

    @Test
    void heartRateRatio() {
        assertThat(Vo2Max.fromHeartRateRatio(190, 50)).isCloseTo(58.1, within(0.05));
        assertThatIllegalArgumentException().isThrownBy(() -> Vo2Max.fromHeartRateRatio(150, 150))
                .withMessageContaining("restingHeartRate");
    }

    @Test
    void danielsVdotMatchesHisTables() {
        // Daniels' Running Formula: 5K in 20:00 ~ VDOT 49.8, 10K in 41:21 ~ VDOT 50, marathon 3:10:49 ~ VDOT 50
        assertThat(Vo2Max.fromRace(5000, Duration.ofMinutes(20))).isCloseTo(49.8, within(0.1));
        assertThat(Vo2Max.fromRace(10000, Duration.parse("PT41M21S"))).isCloseTo(50.0, within(0.2));
        assertThat(Vo2Max.fromRace(42195, Duration.parse("PT3H10M49S"))).isCloseTo(50.0, within(0.2));
    }

    @Test
    void tanakaMaximumAndZones() {
        assertThat(HeartRate.estimatedMaximum(40)).isEqualTo(180);
        assertThat(HeartRate.zonesOfMaximum(200)).extracting(HeartRateZone::lowBpm).containsExactly(100, 120, 140, 160, 180);
        // Karvonen: 60 + 0.5 * (180 - 60) = 120 at the bottom of zone 1
        assertThat(HeartRate.zonesOfReserve(180, 60).getFirst().lowBpm()).isEqualTo(120);
        assertThat(HeartRate.zonesOfReserve(180, 60).getLast().highBpm()).isEqualTo(180);
        // Age 41: 208 - 28.7 = 179.3, reported and used as 179; zone 1 is 55 + 0.5 x 124 .. 55 + 0.6 x 124
        assertThat(HeartRate.estimatedMaximum(41)).isEqualTo(179);
        assertThat(HeartRate.zonesOfReserve(179, 55).getFirst())
                .isEqualTo(new HeartRateZone(1, "Recovery", 117, 129, "easy days, warm-up, recovery"));
    }

    @Test
    void paceAndRiegel() {
        assertThat(Pace.secondsPerKm(10, Duration.parse("PT50M"))).isEqualTo(300);
        assertThat(Pace.kmPerHour(10, Duration.parse("PT50M"))).isEqualTo(12);
        // 3000 s * 2.10975^1.06 = 6619 s, 1:50:19
        assertThat(Pace.riegelSeconds(10, Duration.parse("PT50M"), 21.0975)).isCloseTo(6619.2, within(0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> Pace.secondsPerKm(10, Duration.parse("PT5M")))
                .withMessageContaining("faster than any runner");
    }

    @Test
    void raceTimesAsRunnersWriteThem() {
        assertThat(RaceTime.parse("time", "45:30")).isEqualTo(Duration.parse("PT45M30S"));
        assertThat(RaceTime.parse("time", "1:02:03")).isEqualTo(Duration.parse("PT1H2M3S"));
        assertThat(RaceTime.parse("time", "125:00")).isEqualTo(Duration.parse("PT2H5M"));
        assertThat(RaceTime.format(3723)).isEqualTo("1:02:03");
        assertThat(RaceTime.format(245.4)).isEqualTo("4:05");
        assertThatIllegalArgumentException().isThrownBy(() -> RaceTime.parse("fromTime", "4:75"))
                .withMessage("fromTime has more than 59 seconds in '4:75'");
        assertThatIllegalArgumentException().isThrownBy(() -> RaceTime.parse("time", "1:75:00"))
                .withMessageContaining("minutes");
        assertThatIllegalArgumentException().isThrownBy(() -> RaceTime.parse("time", "fast"))
                .withMessageContaining("mm:ss or h:mm:ss");
        assertThatIllegalArgumentException().isThrownBy(() -> RaceTime.parse("time", "0:00"))
                .withMessageContaining("longer than zero");
    }
}
