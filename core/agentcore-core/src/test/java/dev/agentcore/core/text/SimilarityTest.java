package dev.agentcore.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class SimilarityTest {

    @Test
    void distanceCountsEdits() {
        assertThat(Similarity.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(Similarity.editDistance("", "abc")).isEqualTo(3);
        assertThat(Similarity.editDistance("same", "same")).isZero();
    }

    @Test
    void aBoundedDistanceIsExactUpToItsBoundAndAboveItPast() {
        for (String[] pair : new String[][] {{"kitten", "sitting"}, {"", "abc"}, {"same", "same"}, {"GetAgentRuntimes", "GetAgentRuntime"},
                {"getworklodaccess", "getworkloadaccesstoken"}, {"abc", "xyz"}}) {
            int exact = Similarity.editDistance(pair[0], pair[1]);
            for (int max = 0; max <= exact + 2; max++) {
                int bounded = Similarity.editDistanceAtMost(pair[0], pair[1], max);
                if (exact <= max) {
                    assertThat(bounded).as("%s %s at most %d", pair[0], pair[1], max).isEqualTo(exact);
                } else {
                    assertThat(bounded).as("%s %s at most %d", pair[0], pair[1], max).isGreaterThan(max);
                }
            }
        }
    }

    @Test
    void closestSuggestsOnlyLikelyMisspellingsIgnoringCase() {
        List<String> names = List.of("RuntimeName", "ImageUri", "RoleArn");
        assertThat(Similarity.closest("runtimename", names)).contains("RuntimeName");
        assertThat(Similarity.closest("ImageUrl", names)).contains("ImageUri");
        assertThat(Similarity.closest("Completely", names)).isEmpty();
    }

    @Test
    void caseIsFoldedTheSameUnderATurkishDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(Similarity.closest("IMAGEURI", List.of("imageuri"))).contains("imageuri");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
