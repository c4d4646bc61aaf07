package dev.agentcore.infra.stacks;

import java.util.List;
import java.util.stream.Collectors;

/** The manifest, an environment file, a template or a stack's outputs cannot be used; every reason is listed. */
public class InfraConfigException extends RuntimeException {

    private final List<Problem> problems;

    public InfraConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InfraConfigException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
