package dev.agentcore.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void oneBodyAloneAlwaysProceedsWhateverItsSize() throws Exception {
        BodyBudget budget = new BodyBudget(10);

        assertThat(budget.reserve(1_000, Duration.ZERO)).isTrue();
    }

    @Test
    void pastTheBudgetARequestWaitsForOthersAndGivesUpAfterItsWait() throws Exception {
        BodyBudget budget = new BodyBudget(100);
        assertThat(budget.reserve(60, Duration.ZERO)).isTrue();

        assertThat(budget.reserve(60, Duration.ofMillis(50))).isFalse();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.reserve(60, Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        budget.release(60);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(budget.reserve(40, Duration.ZERO)).isTrue();
    }
}
