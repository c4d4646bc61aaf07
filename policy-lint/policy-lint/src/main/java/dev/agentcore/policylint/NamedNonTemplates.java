package dev.agentcore.policylint;

/**
 * What becomes of a file named on the command line that holds no template or policy. A directory walk passes such
 * files over; a file named was meant to be checked, so by default it is an input problem (exit 2). A pre-commit hook
 * names every staged YAML and JSON file, templates or not, and asks for them to be passed over instead.
 */
public enum NamedNonTemplates {
    /** An input problem: the run exits 2 naming the file (the default). */
    REFUSED,
    /** Passed over as in a directory walk (listed by --verbose): for hooks that name every staged YAML and JSON file. */
    PASSED_OVER
}
