package dev.agentcore.fitness.formulas;

/**
 * One heart-rate training zone: its number (1 easiest to 5), name, bounds in whole beats per minute and
 * what it trains. A zone's upper bound is the next zone's lower bound.
 */
public record HeartRateZone(int zone, String name, int lowBpm, int highBpm, String purpose) {
}
