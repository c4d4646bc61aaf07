package dev.agentcore.infra.stacks;

/**
 * A parameter value for one stack and where it came from. {@code from} names the source: the manifest file
 * (infra/stacks.json or runtimes.json), the environment file, or the earlier stack whose output it is.
 */
public record ResolvedParameter(String name, String value, Source source, String from) {

    public enum Source {
        /** Fixed by the layout: the deploy order (infra/stacks.json) or the runtime's entry in runtimes.json. */
        MANIFEST,
        /** Set in the environment file. */
        ENVIRONMENT,
        /** The output of the same name of an earlier stack. */
        OUTPUT,
        /** The template's default; a deployment may leave it out. */
        DEFAULT
    }
}
