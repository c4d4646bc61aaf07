package dev.agentcore.core.iam.evaluation;

/** Where compiling a statement reports what it could not take at face value. */
@FunctionalInterface
interface ProblemSink {
    void report(EvaluationNote.Kind kind, String detail);
}
