package dev.agentcore.mcp.fitness.guides;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.agentcore.fitness.formulas.HeartRate;
import dev.agentcore.mcp.fitness.tools.RaceDistance;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;

/** Reference material a model can read: the formulas, the race distances, and zones for any age. */
public final class FitnessResources {

    static final String FORMULAS = "fitness://formulas";
    static final String RACE_DISTANCES = "fitness://race-distances";
    static final String ZONES_BY_AGE = "fitness://heart-rate-zones/{age}";

    private static final Pattern ZONES_URI = Pattern.compile("fitness://heart-rate-zones/(\\d{1,3})");

    private final McpJsonMapper json;

    public FitnessResources(McpJsonMapper json) {
        this.json = json;
    }

    public List<SyncResourceSpecification> resources() {
        Resource formulas = Resource.builder().uri(FORMULAS).name("formulas").title("Formulas and sources")
                .description("Every formula the tools use, with its published source").mimeType("text/markdown").build();
        Resource distances = Resource.builder().uri(RACE_DISTANCES).name("race-distances").title("Race distances")
                .description("The standard race distances the tools accept, in kilometres")
                .mimeType("application/json").build();
        String formulasText = classpathText("/guides/formulas.md");
        String distancesJson = toJson(raceDistances());
        return List.of(
                new SyncResourceSpecification(formulas, (context, request) -> text(FORMULAS, "text/markdown", formulasText)),
                new SyncResourceSpecification(distances,
                        (context, request) -> text(RACE_DISTANCES, "application/json", distancesJson)));
    }

    public List<SyncResourceTemplateSpecification> templates() {
        ResourceTemplate zones = ResourceTemplate.builder().uriTemplate(ZONES_BY_AGE).name("heart-rate-zones-by-age")
                .title("Heart-rate zones by age")
                .description("Five zones as percentages of the age-estimated maximum heart rate (age 10 to 100)")
                .mimeType("application/json").build();
        return List.of(new SyncResourceTemplateSpecification(zones, (context, request) -> zonesForAge(request.uri())));
    }

    private ReadResourceResult zonesForAge(String uri) {
        Matcher match = ZONES_URI.matcher(uri);
        int age = match.matches() ? Integer.parseInt(match.group(1)) : -1;
        if (age < 10 || age > 100) {
            throw McpError.builder(ErrorCodes.INVALID_PARAMS)
                    .message("Resource " + uri + ": the age must be a whole number from 10 to 100")
                    .build();
        }
        int max = HeartRate.estimatedMaximum(age);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("age", age);
        body.put("maxHeartRate", max);
        body.put("maxHeartRateSource", "estimated_from_age");
        body.put("zones", HeartRate.zonesOfMaximum(max));
        return text(uri, "application/json", toJson(body));
    }

    private static Map<String, Double> raceDistances() {
        Map<String, Double> distances = new LinkedHashMap<>();
        Arrays.stream(RaceDistance.values()).forEach(race -> distances.put(race.id(), race.km()));
        return distances;
    }

    private static ReadResourceResult text(String uri, String mimeType, String text) {
        return new ReadResourceResult(List.of(new TextResourceContents(uri, mimeType, text)));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String classpathText(String path) {
        try (InputStream in = FitnessResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
