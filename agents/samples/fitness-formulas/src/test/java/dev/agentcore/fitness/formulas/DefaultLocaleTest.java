package dev.agentcore.fitness.formulas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Times and numbers in answers are written the same whatever the server's default locale. */
class DefaultLocaleTest {

    private static <T> T underDefaultLocale(String languageTag, Supplier<T> action) {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(languageTag));
        try {
            return action.get();
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void raceTimesUseAsciiDigits() {
        // Egyptian Arabic writes 4:05 as "٤:٠٥" by default.
        assertThat(underDefaultLocale("ar-EG", () -> RaceTime.format(245))).isEqualTo("4:05");
        assertThat(underDefaultLocale("fa-IR", () -> RaceTime.format(3723))).isEqualTo("1:02:03");
    }

    @Test
    void implausibleInputIsDescribedWithADecimalPoint() {
        assertThatThrownBy(() -> underDefaultLocale("de-DE", () -> {
            Pace.checkPlausible(10, Duration.ofMinutes(10));
            return null;
        })).hasMessageStartingWith("10.0 km in 10:00 is 60 km/h");
    }
}
