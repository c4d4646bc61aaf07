package dev.agentcore.infra.cfnlint;

import java.util.ArrayList;
import java.util.List;

/**
 * The cfn-lint options a caller may choose. Output format and exit-code handling are the runner's business:
 * it always asks for {@code --format json} and parses the findings itself.
 *
 * @param regions       regions to validate resource types and properties against (cfn-lint's default is us-east-1)
 * @param informational include the informational (I) rules, which cfn-lint leaves out by default
 */
public record CfnLintOptions(List<String> regions, boolean informational) {

    public CfnLintOptions {
        regions = List.copyOf(regions);
        for (String region : regions) {
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("not an AWS region: " + region);
            }
        }
    }

    public static CfnLintOptions defaults() {
        return new CfnLintOptions(List.of(), false);
    }

    public CfnLintOptions withRegions(String... regions) {
        return new CfnLintOptions(List.of(regions), informational);
    }

    public CfnLintOptions withInformational() {
        return new CfnLintOptions(regions, true);
    }

    /** The whole command line after the executable: options, then {@code --}, then the templates. */
    List<String> arguments(List<String> templates) {
        List<String> arguments = new ArrayList<>(List.of("--format", "json", "--non-zero-exit-code", "none"));
        if (!regions.isEmpty()) {
            arguments.add("--regions");
            arguments.addAll(regions);
        }
        if (informational) {
            arguments.addAll(List.of("--include-checks", "I"));
        }
        arguments.add("--");
        arguments.addAll(templates);
        return arguments;
    }
}
