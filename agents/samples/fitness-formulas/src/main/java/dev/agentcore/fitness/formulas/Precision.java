package dev.agentcore.fitness.formulas;

/** How precisely answers are given: estimates to one decimal, so every caller rounds the same way. */
public final class Precision {

    private Precision() {
    }

    /** Rounded half up to one decimal: 51.25 is 51.3. */
    public static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
