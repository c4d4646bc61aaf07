package dev.agentcore.samples.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingCalculatorsTest {

    private final TrainingCalculators calculators = new TrainingCalculators();

    @Test
    void paceOfA10kIn50Minutes() {
        assertThat(calculators.pace(10, "50:00"))
                .isEqualTo(new TrainingCalculators.Pace("5:00", "8:03", 12.0));
    }

    @Test
    void cooperTestOf2800MetresIsAbout51() {
        assertThat(calculators.vo2MaxCooper(2800).mlPerKgPerMinute()).isEqualTo(51.3);
    }

    @Test
    void karvonenZonesStartAtHalfTheReserve() {
        var zones = calculators.heartRateZones(40, 55);
        // max 180, reserve 125: zone 1 is 55 + 62.5 .. 55 + 75
        assertThat(zones.getFirst()).isEqualTo(new TrainingCalculators.Zone(1, "recovery", 118, 130));
        assertThat(zones.getLast().toBpm()).isEqualTo(180);
    }

    @Test
    void badInputIsRefusedWithTheField() {
        assertThatThrownBy(() -> calculators.pace(10, "fast")).hasMessageContaining("time must be");
        assertThatThrownBy(() -> calculators.heartRateZones(40, 10)).hasMessageContaining("restingHeartRate");
    }
}
