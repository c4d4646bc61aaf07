package dev.agentcore.samples.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.fitness.formulas.HeartRateZone;
import dev.agentcore.fitness.formulas.Pace;
import org.junit.jupiter.api.Test;

class TrainingCalculatorsTest {

    private final TrainingCalculators calculators = new TrainingCalculators();

    @Test
    void paceOfA10kIn50Minutes() {
        assertThat(calculators.pace(10, "50:00")).isEqualTo(new Pace.RunningPace("5:00", "8:03", 12.0));
    }

    @Test
    void cooperTestOf2800MetresIsAbout51() {
        assertThat(calculators.vo2MaxCooper(2800).mlPerKgPerMinute()).isEqualTo(51.3);
    }

    @Test
    void karvonenZonesStartAtHalfTheReserve() {
        var zones = calculators.heartRateZones(40, 55);
        // max 180, reserve 125: zone 1 is 55 + 62.5 .. 55 + 75
        assertThat(zones.getFirst()).isEqualTo(new HeartRateZone(1, "Recovery", 118, 130, "easy days, warm-up, recovery"));
        assertThat(zones.getLast().highBpm()).isEqualTo(180);
    }

    /**
     * The case where the coach and the MCP server disagreed (117-130 against 117-129): the estimated maximum
     * is 179 (208 - 0.7 x 41 = 179.3, reported as 179), so zone 1 is 55 + 0.5 x 124 .. 55 + 0.6 x 124.
     * fitness-mcp's SharedFormulasTest pins its answer to the same numbers.
     */
    @Test
    void zoneOneForAge41AndResting55IsTheSameAsTheMcpServers() {
        HeartRateZone zone1 = calculators.heartRateZones(41, 55).getFirst();

        assertThat(zone1.lowBpm()).isEqualTo(117);
        assertThat(zone1.highBpm()).isEqualTo(129);
    }

    @Test
    void badInputIsRefusedWithTheField() {
        assertThatThrownBy(() -> calculators.pace(10, "fast")).hasMessageContaining("time must look like mm:ss or h:mm:ss");
        assertThatThrownBy(() -> calculators.pace(0, "50:00")).hasMessageContaining("distanceKm must be positive");
        assertThatThrownBy(() -> calculators.heartRateZones(40, 10)).hasMessageContaining("restingHeartRate");
    }
}
