package dev.agentcore.fitness.formulas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** What holds for every plausible runner, not only the worked examples in {@link CalculatorsTest}. */
class HeartRateZoneProperties {

    @Property(tries = 2000)
    void karvonenZonesAreFiveContiguousOrderedBandsFromRestingToMaximum(
            @ForAll @IntRange(min = 10, max = 100) int age, @ForAll @IntRange(min = 25, max = 120) int resting) {
        int max = HeartRate.estimatedMaximum(age);
        Assume.that(resting < max);

        List<HeartRateZone> zones = HeartRate.zonesOfReserve(max, resting);

        assertContiguousAndOrdered(zones);
        assertThat(zones.getFirst().lowBpm()).isGreaterThanOrEqualTo(resting);
        assertThat(zones.getLast().highBpm()).isEqualTo(max);
        zones.forEach(zone -> assertThat(zone.lowBpm()).isBetween(resting, max));
    }

    @Property(tries = 1000)
    void eachBoundIsKarvonensFormulaOnTheWholeNumbersShownRoundedOnce(
            @ForAll @IntRange(min = 100, max = 230) int max, @ForAll @IntRange(min = 25, max = 120) int resting) {
        Assume.that(resting < max);
        List<HeartRateZone> zones = HeartRate.zonesOfReserve(max, resting);
        for (HeartRateZone zone : zones) {
            double intensity = 0.4 + 0.1 * zone.zone();
            // target = resting + intensity * (max - resting), within half a beat of the exact value
            assertThat((double) zone.lowBpm()).isCloseTo(resting + intensity * (max - resting),
                    org.assertj.core.data.Offset.offset(0.5 + 1e-9));
        }
    }

    @Property(tries = 500)
    void zonesOfTheMaximumRunFromHalfToAllOfIt(@ForAll @IntRange(min = 100, max = 230) int max) {
        List<HeartRateZone> zones = HeartRate.zonesOfMaximum(max);

        assertContiguousAndOrdered(zones);
        assertThat(zones.getFirst().lowBpm()).isEqualTo((int) Math.round(max * 0.5));
        assertThat(zones.getLast().highBpm()).isEqualTo(max);
    }

    @Property(tries = 200)
    void theEstimatedMaximumFallsWithAge(@ForAll @IntRange(min = 1, max = 119) int age) {
        assertThat(HeartRate.estimatedMaximum(age + 1)).isLessThanOrEqualTo(HeartRate.estimatedMaximum(age));
    }

    private static void assertContiguousAndOrdered(List<HeartRateZone> zones) {
        assertThat(zones).extracting(HeartRateZone::zone).containsExactly(1, 2, 3, 4, 5);
        for (int i = 0; i < zones.size(); i++) {
            HeartRateZone zone = zones.get(i);
            assertThat(zone.lowBpm()).as("zone %d", zone.zone()).isLessThanOrEqualTo(zone.highBpm());
            if (i > 0) {
                assertThat(zone.lowBpm()).as("zone %d starts where zone %d ends", zone.zone(), i)
                        .isEqualTo(zones.get(i - 1).highBpm());
            }
        }
    }
}
