package dev.agentcore.mcp.fitness.guides;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.agentcore.mcp.fitness.tools.RaceDistance;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult.CompleteCompletion;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Locale;

/** Prompts that set a model up to coach with the tools, and completion of their race arguments. */
public final class CoachingPrompts {

    static final String TRAINING_PLAN = "training_plan";
    static final String EXPLAIN_VO2MAX = "explain_vo2max";

    private CoachingPrompts() {
    }

    public static List<SyncPromptSpecification> prompts() {
        Prompt plan = new Prompt(TRAINING_PLAN, "Training plan", "A week-by-week plan towards a goal race, paced by "
                + "heart-rate zones and the runner's current fitness", List.of(
                new PromptArgument("goalRace", "5k, 10k, half_marathon or marathon", true),
                new PromptArgument("recentRace", "a recent race and time, for example '10k in 52:30'", false),
                new PromptArgument("weeks", "weeks until the goal race, 4 to 30", false)));
        Prompt explain = new Prompt(EXPLAIN_VO2MAX, "Explain a VO2 max", "What a VO2 max value means for a runner",
                List.of(new PromptArgument("vo2max", "VO2 max in ml/kg/min", true),
                        new PromptArgument("age", "age in years", false)));
        return List.of(
                new SyncPromptSpecification(plan, (context, request) -> trainingPlan(request.arguments())),
                new SyncPromptSpecification(explain, (context, request) -> explainVo2Max(request.arguments())));
    }

    public static List<SyncCompletionSpecification> completions() {
        return List.of(new SyncCompletionSpecification(new PromptReference(TRAINING_PLAN), (context, request) -> {
            String typed = request.argument().value() == null ? "" : request.argument().value().toLowerCase(Locale.ROOT);
            List<String> values = "goalRace".equals(request.argument().name())
                    ? Arrays.stream(RaceDistance.values()).map(RaceDistance::id).filter(id -> id.startsWith(typed)).toList()
                    : List.of();
            return new CompleteResult(new CompleteCompletion(values, values.size(), false));
        }));
    }

    static GetPromptResult trainingPlan(Map<String, Object> arguments) {
        String goal = required(arguments, "goalRace");
        if (Arrays.stream(RaceDistance.values()).noneMatch(race -> race.id().equals(goal))) {
            throw invalid("goalRace must be one of 5k, 10k, half_marathon, marathon; got '" + goal + "'");
        }
        String weeks = optional(arguments, "weeks");
        if (weeks != null && !weeks.matches("[4-9]|[12]\\d|30")) {
            throw invalid("weeks must be a whole number from 4 to 30; got '" + weeks + "'");
        }
        String recent = optional(arguments, "recentRace");
        String text = "Write a " + (weeks == null ? "12" : weeks) + "-week training plan for a " + goal.replace('_', ' ')
                + ". " + (recent == null
                        ? "Ask me for a recent race result first."
                        : "My recent race: " + recent + ". Estimate my VO2 max with estimate_vo2max_race and predict "
                                + "my goal-race time with predict_race_time.")
                + " Give each session's effort as a heart-rate zone from heart_rate_zones, and paces from running_pace. "
                + "Build up the weekly volume by at most 10 % a week and taper in the last two weeks.";
        return new GetPromptResult("Training plan for a " + goal, List.of(new PromptMessage(Role.USER, new TextContent(text))));
    }

    static GetPromptResult explainVo2Max(Map<String, Object> arguments) {
        String vo2max = required(arguments, "vo2max");
        if (!vo2max.matches("\\d{1,2}(\\.\\d+)?")) {
            throw invalid("vo2max must be a number of ml/kg/min such as 48.5; got '" + vo2max + "'");
        }
        String age = optional(arguments, "age");
        String text = "My VO2 max is " + vo2max + " ml/kg/min" + (age == null ? "" : " and I am " + age)
                + ". Explain what that means for my running, how it compares with others of my age, and what "
                + "training would raise it. The formulas behind the estimate are in the resource fitness://formulas.";
        return new GetPromptResult("What a VO2 max of " + vo2max + " means", List.of(new PromptMessage(Role.USER, new TextContent(text))));
    }

    private static String required(Map<String, Object> arguments, String name) {
        String value = optional(arguments, name);
        if (value == null) {
            throw invalid("missing required argument " + name);
        }
        return value;
    }

    private static String optional(Map<String, Object> arguments, String name) {
        Object value = arguments == null ? null : arguments.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static McpError invalid(String message) {
        return McpError.builder(ErrorCodes.INVALID_PARAMS).message(message).build();
    }
}
