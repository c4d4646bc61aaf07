package dev.agentcore.deploy.output;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a command prints: progress and results on stdout, problems on stderr. On a terminal, {@link #spinner} keeps
 * one line turning while something runs; elsewhere (a pipe, CI, a test) every event is its own line and nothing is
 * overwritten.
 */
public final class Console {

    private static final String FRAMES = "|/-\\";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    public Console(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** The process's streams; interactive when the JVM has a terminal. */
    public static Console system() {
        // Java 21: System.console() is null unless both stdin and stdout are a terminal.
        return new Console(System.out, System.err, System.console() != null);
    }

    public boolean interactive() {
        return interactive;
    }

    /** A section title: {@code == ecr (agentcore-sandbox-ecr)}. */
    public synchronized void step(String title) {
        clearSpinner();
        out.println("== " + title);
    }

    public synchronized void line(String text) {
        clearSpinner();
        out.println(text);
    }

    /** Indented detail of the current step. */
    public synchronized void detail(String text) {
        clearSpinner();
        out.println("   " + text);
    }

    public synchronized void warn(String text) {
        clearSpinner();
        err.println("warning: " + text);
    }

    public synchronized void error(String text) {
        clearSpinner();
        err.println("error: " + text);
    }

    private final AtomicBoolean spinning = new AtomicBoolean();
    private int frame;

    /** On a terminal, one frame of a spinner with {@code status}; elsewhere nothing (events print as lines). */
    public synchronized void spinner(String status) {
        if (!interactive) {
            return;
        }
        spinning.set(true);
        out.print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + status + "\u001b[K");
        out.flush();
    }

    private void clearSpinner() {
        if (spinning.getAndSet(false)) {
            out.print("\r\u001b[K");
        }
    }
}
