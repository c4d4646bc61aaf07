package dev.agentcore.policylint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.agentcore.core.iam.AgentCoreCatalog;
import dev.agentcore.policylint.config.Config;
import dev.agentcore.policylint.config.Globs;
import dev.agentcore.policylint.config.Suppressions;
import dev.agentcore.policylint.rule.Finding;
import dev.agentcore.policylint.rule.Findings;
import dev.agentcore.policylint.rule.ParseError;
import dev.agentcore.policylint.rule.Rule;
import dev.agentcore.policylint.rule.Rules;
import dev.agentcore.policylint.rule.SameProblem;
import dev.agentcore.policylint.rule.Severity;
import dev.agentcore.policylint.rule.SuppressionWithoutReason;
import dev.agentcore.policylint.rule.TemplateContext;
import dev.agentcore.policylint.runtime.RuntimeSet;
import dev.agentcore.policylint.source.Disk;
import dev.agentcore.policylint.source.Documents;
import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ParseProblem;
import dev.agentcore.policylint.source.Region;
import dev.agentcore.policylint.source.SourceFile;
import dev.agentcore.policylint.source.TreeReader;
import dev.agentcore.policylint.template.Template;

/**
 * Lints files: reads each, finds templates and policies, runs every rule (per template, then across templates),
 * applies suppressions and severity overrides. A problem in one file never stops the others.
 */
public final class Linter {

    /** What to lint and against what. */
    public record Options(List<Path> paths, List<String> excludes, RuntimeSet runtimes, Config config, Path base,
            NamedNonTemplates namedNonTemplates) {
        /** Named files that hold no template or policy are input problems. */
        public Options(List<Path> paths, List<String> excludes, RuntimeSet runtimes, Config config, Path base) {
            this(paths, excludes, runtimes, config, base, NamedNonTemplates.REFUSED);
        }
    }

    /** A path that was not linted, and why: not a candidate, excluded, no template, the same file under another name. */
    public record PassedOver(String path, String why) {
        @Override
        public String toString() {
            return path + ": " + why;
        }
    }

    /**
     * Findings, sorted by file and position; input errors (what could not be read or parsed, each naming its path);
     * the templates checked; what was passed over (for {@code --verbose}).
     */
    public record Result(List<Finding> findings, List<String> inputErrors, int filesChecked, List<PassedOver> passedOver) {
        // Loops, not streams with lambdas: these run once at the end of every lint, on a path the AOT cache's
        // training does not link.
        public long count(Severity s) {
            long n = 0;
            for (Finding f : findings) {
                if (f.severity() == s) {
                    n++;
                }
            }
            return n;
        }

        public boolean hasParseErrors() {
            for (Finding f : findings) {
                if (f.ruleId().equals(ParseError.INFO.id())) {
                    return true;
                }
            }
            return false;
        }
    }

    private final Disk disk;

    public Linter() {
        this(Disk.REAL);
    }

    /** A linter that finds and reads its inputs through {@code disk}: tests inject the failures root cannot get. */
    Linter(Disk disk) {
        this.disk = disk;
    }

    /**
     * One file's outcome; {@code suppressions} is null when the file is no template and has no findings;
     * {@code passedOver} says why a readable file was not checked, else null.
     */
    private record FileResult(Path file, TemplateContext context, Findings findings, List<String> errors, Suppressions suppressions,
            PassedOver passedOver) {
    }

    public Result run(Options options) {
        // The bundled catalog's first load is some 30 ms of interpreted JSON parsing (and the first look-up in the
        // jar): on another core it overlaps finding and parsing the files, which need no catalog.
        Thread.ofPlatform().daemon().name("policy-lint-catalog").start(AgentCoreCatalog::bundled);
        List<java.nio.file.PathMatcher> excluded;
        try {
            excluded = Globs.excludes(options.excludes());
        } catch (Globs.Invalid e) {
            return new Result(List.of(), List.of("exclude pattern " + e.getMessage()), 0, List.of());
        }
        FileFinder.Found found = FileFinder.find(options.paths(), excluded, options.base(), disk);
        List<String> inputErrors = new ArrayList<>();
        inputErrors.addAll(found.problems());
        List<PassedOver> passedOver = new ArrayList<>(found.passedOver());
        List<Finding> findings = new ArrayList<>();
        List<TemplateContext> contexts = new ArrayList<>();
        List<Suppressions> suppressions = new ArrayList<>();
        int checked = 0;
        // Files are independent until the project-wide rules: lint them in parallel, keep their order.
        List<FileResult> results = lintAll(found.files(), file -> {
            String display = FileFinder.display(file, options.base());
            Findings fileFindings = new Findings();
            List<String> errors = new ArrayList<>();
            List<PassedOver> notes = new ArrayList<>(1);
            TemplateContext ctx = lintFile(file, display, options, fileFindings, errors, notes);
            Suppressions s = null;
            if (ctx != null || !fileFindings.all().isEmpty()) {
                SourceFile source = ctx != null ? ctx.template().file() : fileFindings.all().getFirst().region().file();
                s = Suppressions.of(source, ctx == null ? null : ctx.template(), fileFindings);
            }
            return new FileResult(file, ctx, fileFindings, errors, s, notes.isEmpty() ? null : notes.getFirst());
        });
        for (FileResult r : results) {
            inputErrors.addAll(r.errors());
            if (r.passedOver() != null) {
                if (found.named().contains(r.file()) && options.namedNonTemplates() == NamedNonTemplates.REFUSED) {
                    // Named to be checked, yet nothing in it was: a lint that left it out must not pass.
                    inputErrors.add(r.passedOver().path() + ": named to be checked, but " + r.passedOver().why()
                            + "; not checked");
                } else {
                    passedOver.add(r.passedOver());
                }
            }
            if (r.suppressions() == null) {
                continue;
            }
            suppressions.add(r.suppressions());
            if (r.context() != null) {
                checked++; // a file that does not parse has findings (PL001) but was not checked
                contexts.add(r.context());
            }
            findings.addAll(r.findings().all());
        }
        Findings project = new Findings();
        for (Rule rule : Rules.all()) {
            try {
                rule.checkProject(contexts, project);
            } catch (RuntimeException | StackOverflowError e) {
                inputErrors.add("internal error in rule " + rule.info().id() + ": " + e);
            }
        }
        findings.addAll(project.all());
        if (passedOver.size() > 1) {
            passedOver.sort(PASSED_OVER_ORDER);
        }
        return new Result(finish(findings, suppressions, options.config()), inputErrors, checked, passedOver);
    }

    /**
     * {@code lint} applied to every file, the results in the files' order. The files are handed out one at a time to
     * this thread and one more per further processor, so a thread that the machine's other work holds up, or that
     * meets the slow files, does not leave the others idle with files of its share still waiting (a parallel stream
     * hands out a quarter of them at once). One file is linted on this thread alone.
     */
    private static List<FileResult> lintAll(List<Path> files, java.util.function.Function<Path, FileResult> lint) {
        FileResult[] results = new FileResult[files.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Throwable[] failure = new Throwable[1];
        Runnable worker = () -> {
            try {
                for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                    results[i] = lint.apply(files.get(i));
                }
            } catch (RuntimeException | Error e) {
                synchronized (failure) {
                    if (failure[0] == null) {
                        failure[0] = e;
                    }
                }
                next.set(results.length); // the others stop too
            }
        };
        int helpers = Math.min(Runtime.getRuntime().availableProcessors(), results.length) - 1;
        List<Thread> threads = new ArrayList<>();
        for (int h = 0; h < helpers; h++) {
            threads.add(Thread.ofPlatform().daemon().name("policy-lint-" + (h + 1)).start(worker));
        }
        worker.run();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while linting", e);
            }
        }
        synchronized (failure) {
            if (failure[0] instanceof RuntimeException e) {
                throw e;
            }
            if (failure[0] instanceof Error e) {
                throw e;
            }
        }
        return Arrays.asList(results);
    }

    private TemplateContext lintFile(Path file, String display, Options options, Findings findings, List<String> inputErrors,
            List<PassedOver> passedOver) {
        Documents.Loaded loaded = Documents.load(file, display, disk);
        // instanceof, not a switch on types: such a switch spins a class at its first run, which the AOT cache does not keep
        if (loaded instanceof Documents.Undecodable u) {
            inputErrors.add(display + ": cannot read: " + u.problem());
            return null;
        }
        if (loaded instanceof Documents.TooLarge t) {
            SourceFile empty = new SourceFile(file, display, "");
            findings.add(ParseError.INFO, Region.at(empty, new dev.agentcore.policylint.source.Position(1, 1)),
                    "file is " + (t.bytes() / (1024 * 1024)) + " MB, over the " + (Documents.MAX_BYTES / (1024 * 1024))
                            + " MB limit (CloudFormation accepts templates up to 1 MB)",
                    "split the template, or exclude the file", null);
            return null;
        }
        if (loaded instanceof Documents.Unreadable u) {
            inputErrors.add(display + ": cannot read the file: " + u.reason());
            return null;
        }
        SourceFile source = ((Documents.Text) loaded).file();
        TreeReader.Parsed root;
        try {
            root = TreeReader.readTemplate(source);
        } catch (ParseProblem p) {
            if (Template.looksLikeTemplate(source.text())) {
                findings.add(ParseError.INFO, Region.at(source, p.position()), p.getMessage(),
                        "fix the syntax; the file is not checked until it parses", null);
            } else {
                passedOver.add(new PassedOver(display, "it does not parse (" + p.position() + ": " + p.getMessage()
                        + ") and names no template or policy"));
            }
            return null;
        } catch (StackOverflowError e) {
            findings.add(ParseError.INFO, Region.at(source, new dev.agentcore.policylint.source.Position(1, 1)),
                    "nesting too deep to read", "flatten the document", null);
            return null;
        }
        Template template = Template.of(source, root).orElse(null);
        if (template == null) {
            passedOver.add(new PassedOver(display, "it holds no CloudFormation template or IAM policy (no Resources, "
                    + "AWSTemplateFormatVersion or Statement at the top, nor policies by name)"));
            return null;
        }
        TemplateContext ctx = new TemplateContext(template, options.runtimes(), AgentCoreCatalog.bundled());
        for (Rule rule : Rules.all()) {
            try {
                rule.check(ctx, findings);
            } catch (RuntimeException | StackOverflowError e) {
                inputErrors.add(display + ": internal error in rule " + rule.info().id() + ": " + e);
            }
        }
        return ctx;
    }

    /**
     * By file, position, rule. A class, not Comparator.comparing: the JDK's comparators are lambdas spun at each start
     * (the AOT cache keeps the application's lambdas, not those).
     */
    private static final Comparator<PassedOver> PASSED_OVER_ORDER = new Comparator<>() {
        @Override
        public int compare(PassedOver a, PassedOver b) {
            return a.path().compareTo(b.path());
        }
    };

    private static final Comparator<Finding> REPORT_ORDER = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            int c = a.region().file().displayPath().compareTo(b.region().file().displayPath());
            if (c == 0) {
                c = a.region().start().compareTo(b.region().start());
            }
            return c != 0 ? c : a.ruleId().compareTo(b.ruleId());
        }
    };

    private static boolean suppressed(List<Suppressions> ofTheFile, Finding finding) {
        for (Suppressions s : ofTheFile) {
            if (s.suppresses(finding)) {
                return true;
            }
        }
        return false;
    }

    private static List<Finding> finish(List<Finding> findings, List<Suppressions> suppressions, Config config) {
        List<Finding> out = new ArrayList<>();
        Findings configFindings = new Findings();
        for (Config.Ignore ignore : config.ignores()) {
            if (ignore.reason() == null) {
                configFindings.add(SuppressionWithoutReason.INFO, ignore.where(), "ignore of " + ignore.rule()
                        + " gives no reason", "add reason: <why this is fine>", null);
            }
        }
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(configFindings.all());
        Map<String, Severity> overrides = config.severities();
        // By file: a finding can only be suppressed in its own file, and a corpus has hundreds of files.
        Map<Path, List<Suppressions>> byFile = suppressions.stream().collect(Collectors.groupingBy(Suppressions::path));
        for (Finding finding : all) {
            Finding f = finding;
            if (f.ruleId().equals(ParseError.INFO.id())) {
                out.add(f); // never suppressed: a file that does not parse was not checked (Config refuses to lower it)
                continue;
            }
            if (suppressed(byFile.getOrDefault(finding.region().file().path(), List.of()), finding)
                    || Suppressions.ignoredByConfig(config, finding)) {
                continue;
            }
            if (overrides.containsKey(f.ruleId())) {
                Severity s = overrides.get(f.ruleId());
                if (s == null) {
                    continue;
                }
                f = f.withSeverity(s);
            }
            out.add(f);
        }
        out.sort(REPORT_ORDER);
        // The same value reached twice (through a YAML alias, or two policies) is one finding.
        Map<String, Finding> unique = new java.util.LinkedHashMap<>();
        for (Finding f : out) {
            unique.putIfAbsent(f.ruleId() + "|" + f.region() + "|" + f.message(), f);
        }
        return SameProblem.merge(List.copyOf(unique.values()));
    }
}
