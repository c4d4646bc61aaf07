package dev.agentcore.infra.stacks;

/**
 * A parameter value for one stack and where it came from. {@code from} names the source: the manifest, the
 * environment file, or the earlier stack whose output it is.
 */
public record ResolvedParameter(String name, String value, Source source, String from) {

    public enum Source {
        /** Fixed by the deploy order itself (infra/stacks.json). */
        MANIFEST,
        /** Set in the environment file. */
        ENVIRONMENT,
        /** The output of the same name of an earlier stack. */
        OUTPUT,
        /** The template's default; a deployment may leave it out. */
        DEFAULT
    }
}
