package dev.agentcore.mcp.fitness.tools;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The standard road-race distances, named as tool arguments spell them. */
public enum RaceDistance {
    @JsonProperty("5k") FIVE_K("5k", 5.0),
    @JsonProperty("10k") TEN_K("10k", 10.0),
    @JsonProperty("half_marathon") HALF_MARATHON("half_marathon", 21.0975),
    @JsonProperty("marathon") MARATHON("marathon", 42.195);

    private final String id;
    private final double km;

    RaceDistance(String id, double km) {
        this.id = id;
        this.km = km;
    }

    /** The name used in arguments, resources and completions: {@code 5k}, {@code half_marathon}, ... */
    public String id() {
        return id;
    }

    public double km() {
        return km;
    }
}
