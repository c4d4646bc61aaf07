package dev.agentcore.deploy.stacks;

import dev.agentcore.deploy.aws.AwsClients;
import dev.agentcore.deploy.cli.DeployException;
import dev.agentcore.deploy.cli.ExitCode;
import dev.agentcore.deploy.diagnosis.DeployDiagnosis;
import dev.agentcore.deploy.diagnosis.DeployDiagnostician;
import dev.agentcore.deploy.diagnosis.DeployFailure;
import dev.agentcore.deploy.output.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetStatus;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.waiters.CloudFormationWaiter;

/**
 * Deploys one CloudFormation stack through a change set: always an explicit {@code ChangeSetType}, the changes shown
 * before they run, an empty change set reported as "no changes", stack events streamed while it runs, the SDK's
 * waiters for the end, and on failure the failed resource with its reason, diagnosed.
 */
public final class StackDeployer {

    /** CloudFormation's (and moto's) words for a change set that changes nothing. */
    private static final List<String> NOTHING_TO_CHANGE = List.of("didn't contain changes", "No updates are to be performed",
            "does not contain any changes", "no changes");
    /** How a handler failure reads when the API call itself fails (moto): {@code Logical (Type): Resource handler ...}. */
    private static final Pattern HANDLER_FAILURE = Pattern.compile("(\\w+) \\(([\\w:]+)\\): (.*)", Pattern.DOTALL);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final AwsClients clients;
    private final CloudFormationClient cfn;
    private final Console console;
    private final Duration poll;
    private final DeployDiagnostician diagnostician;

    public StackDeployer(AwsClients clients, Console console, Duration poll, DeployDiagnostician diagnostician) {
        this.clients = clients;
        this.cfn = clients.cloudFormation();
        this.console = console;
        this.poll = poll;
        this.diagnostician = diagnostician;
    }

    /** The stack as CloudFormation describes it, or empty when there is none of that name. */
    public Optional<Stack> describe(String stackName) {
        try {
            return cfn.describeStacks(r -> r.stackName(stackName)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The stack's outputs, {@code OutputKey -> OutputValue}. */
    public Map<String, String> outputs(String stackName) {
        Map<String, String> outputs = new LinkedHashMap<>();
        describe(stackName).ifPresent(stack -> stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue())));
        return outputs;
    }

    /**
     * Deploys {@code template} as {@code stackName} with {@code parameters}. A stack another deploy left in progress is
     * waited for first; a stack only a recovery command can move on stops the deploy with that command.
     */
    public StackOutcome deploy(String stackName, Path template, Map<String, String> parameters, Optional<String> capability,
                               boolean dryRun) {
        Optional<Stack> existing = settle(stackName);
        boolean create = existing.isEmpty() || "REVIEW_IN_PROGRESS".equals(existing.get().stackStatusAsString());
        if (dryRun && create) {
            console.detail("would create the stack (CREATE change set)");
            return StackOutcome.PLANNED;
        }
        String body;
        try {
            body = Files.readString(template);
        } catch (IOException e) {
            throw new DeployException(ExitCode.USAGE, "cannot read " + template + ": " + e.getMessage());
        }
        String changeSet = "agentcore-deploy-" + System.currentTimeMillis();
        ChangeSetType type = create ? ChangeSetType.CREATE : ChangeSetType.UPDATE;
        List<Parameter> cfnParameters = parameters.entrySet().stream()
                .map(p -> Parameter.builder().parameterKey(p.getKey()).parameterValue(p.getValue()).build()).toList();
        try {
            cfn.createChangeSet(r -> r.stackName(stackName).changeSetName(changeSet).changeSetType(type)
                    .templateBody(body).parameters(cfnParameters)
                    .capabilities(capability.map(Capability::fromValue).map(List::of).orElse(List.of())));
        } catch (CloudFormationException e) {
            if (nothingToChange(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage())) {
                return StackOutcome.NO_CHANGES;
            }
            throw failed(stackName, "CreateChangeSet", e);
        }
        DescribeChangeSetResponse described = awaitChangeSet(stackName, changeSet);
        if (described.status() == ChangeSetStatus.FAILED) {
            deleteChangeSet(stackName, changeSet);
            if (nothingToChange(described.statusReason())) {
                return StackOutcome.NO_CHANGES;
            }
            throw diagnosed(ExitCode.FAILED, DeployFailure.of("change set of " + stackName, "FAILED",
                    described.statusReason(), region()));
        }
        List<Change> changes = described.changes();
        if (changes.isEmpty() && !create) {
            deleteChangeSet(stackName, changeSet);
            return StackOutcome.NO_CHANGES;
        }
        for (Change change : changes) {
            var resource = change.resourceChange();
            console.detail(String.format(Locale.ROOT, "%-7s %-34s %s%s", resource.actionAsString(),
                    resource.logicalResourceId(), resource.resourceType(),
                    resource.replacementAsString() == null || "False".equals(resource.replacementAsString()) ? ""
                            : " (replacement: " + resource.replacementAsString() + ")"));
        }
        if (dryRun) {
            deleteChangeSet(stackName, changeSet);
            return StackOutcome.PLANNED;
        }
        execute(stackName, changeSet, create);
        return create ? StackOutcome.CREATED : StackOutcome.UPDATED;
    }

    /** Deletes the stack and waits; resources with a Retain policy stay and are returned by logical id. */
    public void delete(String stackName) {
        Optional<Stack> existing = settle(stackName);
        if (existing.isEmpty()) {
            return;
        }
        String stackId = existing.get().stackId();
        Instant since = Instant.now().minusSeconds(2);
        EventStream events = new EventStream(stackName, since);
        Thread streamer = Thread.ofVirtual().start(events);
        try {
            cfn.deleteStack(r -> r.stackName(stackName));
            waiter().waitUntilStackDeleteComplete(DescribeStacksRequest.builder().stackName(stackId).build())
                    .matched().exception().ifPresent(e -> {
                        throw new DeployException(ExitCode.FAILED, "deleting " + stackName + " failed: " + e.getMessage());
                    });
        } catch (SdkException e) {
            if (!(e.getMessage() != null && e.getMessage().contains("does not exist"))) {
                Optional<StackEvent> failure = events.firstFailure();
                throw new DeployException(ExitCode.FAILED, "deleting " + stackName + " failed"
                        + failure.map(f -> " at " + f.logicalResourceId() + ": " + f.resourceStatusReason()).orElse(": "
                        + e.getMessage()) + "; fix it, then run destroy again (or aws cloudformation delete-stack"
                        + " --stack-name " + stackName + " --retain-resources LOGICAL_ID)");
            }
        } finally {
            events.stop();
            join(streamer);
        }
    }

    /** Waits out an operation in progress; refuses a state only a recovery command leaves. */
    private Optional<Stack> settle(String stackName) {
        Optional<Stack> stack = describe(stackName);
        if (stack.isEmpty()) {
            return stack;
        }
        String status = stack.get().stackStatusAsString();
        if (status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS")) {
            console.detail("the stack is " + status + " (another deploy, or one that was interrupted): waiting for it");
            DescribeStacksRequest request = DescribeStacksRequest.builder().stackName(stack.get().stackId()).build();
            try {
                if (status.startsWith("CREATE")) {
                    waiter().waitUntilStackCreateComplete(request);
                } else if (status.startsWith("DELETE")) {
                    waiter().waitUntilStackDeleteComplete(request);
                } else {
                    waiter().waitUntilStackUpdateComplete(request);
                }
            } catch (SdkException ended) {
                // the state it ended in is read below, and explained if it needs recovery
            }
            stack = describe(stackName);
            if (stack.isEmpty() || "DELETE_COMPLETE".equals(stack.get().stackStatusAsString())) {
                return Optional.empty();
            }
            status = stack.get().stackStatusAsString();
        }
        if (Set.of("ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "UPDATE_ROLLBACK_FAILED", "DELETE_FAILED").contains(status)) {
            String code = status.equals("ROLLBACK_FAILED") || status.equals("DELETE_FAILED") ? "ROLLBACK_COMPLETE" : status;
            throw diagnosed(ExitCode.NEEDS_RECOVERY, DeployFailure.of("stack " + stackName, code,
                    "the stack is " + status + Optional.ofNullable(stack.get().stackStatusReason()).map(r -> " (" + r + ")")
                            .orElse(""), region()));
        }
        return stack;
    }

    private void execute(String stackName, String changeSet, boolean create) {
        Instant since = Instant.now().minusSeconds(2);
        EventStream events = new EventStream(stackName, since);
        Thread streamer = Thread.ofVirtual().start(events);
        try {
            try {
                cfn.executeChangeSet(r -> r.stackName(stackName).changeSetName(changeSet));
            } catch (CloudFormationException e) {
                throw failed(stackName, "ExecuteChangeSet", e);
            }
            DescribeStacksRequest request = DescribeStacksRequest.builder().stackName(stackName).build();
            Optional<Throwable> waited;
            try {
                waited = (create ? waiter().waitUntilStackCreateComplete(request)
                        : waiter().waitUntilStackUpdateComplete(request)).matched().exception();
            } catch (SdkException e) {
                waited = Optional.of(e);
            }
            Optional<Throwable> failure = waited;
            if (failure.isPresent()) {
                events.stop();
                join(streamer);
                events.poll();
                Stack stack = describe(stackName).orElse(null);
                Optional<StackEvent> cause = events.firstFailure();
                DeployFailure deployFailure = cause.map(event -> DeployFailure.of("stack " + stackName,
                                event.resourceStatusAsString(), event.resourceStatusReason(), region())
                                .withResource(event.logicalResourceId() + " (" + event.resourceType() + ")"))
                        .orElseGet(() -> DeployFailure.of("stack " + stackName, stack == null ? "" : stack.stackStatusAsString(),
                                stack == null || stack.stackStatusReason() == null ? failure.get().getMessage()
                                        : stack.stackStatusReason(), region()));
                String ended = stack == null ? "gone" : stack.stackStatusAsString();
                throw diagnosed(ExitCode.FAILED, deployFailure, "the stack is now " + ended
                        + (ended.equals("ROLLBACK_COMPLETE") ? "; delete it before the next deploy: agentcore-deploy destroy --only "
                        + stackName : ""));
            }
        } finally {
            events.stop();
            join(streamer);
        }
        events.poll();
        if (clients.target().local() && events.onlyStackEvents()) {
            console.detail("(the local AWS, moto, records events of the stack only, not of each resource)");
        }
    }

    private DescribeChangeSetResponse awaitChangeSet(String stackName, String changeSet) {
        try {
            waiter().waitUntilChangeSetCreateComplete(r -> r.stackName(stackName).changeSetName(changeSet));
        } catch (SdkException ended) {
            // FAILED is a terminal state of the waiter; its reason is read below
        }
        List<Change> changes = new ArrayList<>();
        DescribeChangeSetResponse page = cfn.describeChangeSet(r -> r.stackName(stackName).changeSetName(changeSet));
        DescribeChangeSetResponse first = page;
        changes.addAll(page.changes());
        while (page.nextToken() != null) {
            String token = page.nextToken();
            page = cfn.describeChangeSet(r -> r.stackName(stackName).changeSetName(changeSet).nextToken(token));
            changes.addAll(page.changes());
        }
        return first.toBuilder().changes(changes).build();
    }

    private void deleteChangeSet(String stackName, String changeSet) {
        try {
            cfn.deleteChangeSet(r -> r.stackName(stackName).changeSetName(changeSet));
        } catch (SdkException ignored) {
            // an unexecuted change set left behind is harmless; the next deploy makes a new one
        }
    }

    private CloudFormationWaiter waiter() {
        return CloudFormationWaiter.builder().client(cfn).overrideConfiguration(WaiterOverrideConfiguration.builder()
                .backoffStrategyV2(BackoffStrategy.fixedDelay(poll))
                .maxAttempts((int) Math.max(10, Duration.ofHours(1).dividedBy(poll)))
                .build()).build();
    }

    private static boolean nothingToChange(String reason) {
        return reason != null && NOTHING_TO_CHANGE.stream().anyMatch(reason::contains);
    }

    /** A failed API call: its error, and the resource when the message names one (moto fails the call itself). */
    private DeployException failed(String stackName, String operation, CloudFormationException e) {
        String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        DeployFailure failure = DeployFailure.of(operation + " of " + stackName, code, message, region());
        Matcher matcher = HANDLER_FAILURE.matcher(message == null ? "" : message);
        if (matcher.matches()) {
            failure = DeployFailure.of(operation + " of " + stackName, code, matcher.group(3), region())
                    .withResource(matcher.group(1) + " (" + matcher.group(2) + ")");
        }
        ExitCode exit = code.contains("AccessDenied") ? ExitCode.CREDENTIALS : ExitCode.FAILED;
        return diagnosed(exit, failure);
    }

    private DeployException diagnosed(ExitCode exit, DeployFailure failure) {
        return diagnosed(exit, failure, null);
    }

    private DeployException diagnosed(ExitCode exit, DeployFailure failure, String note) {
        DeployDiagnosis diagnosis = diagnostician.diagnose(failure);
        String text = diagnosis.render().stripTrailing() + (note == null ? "" : "\n  " + note);
        return new DeployException(exit, text);
    }

    private String region() {
        return clients.target().region().id();
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls DescribeStackEvents and prints each new event once, oldest first. */
    private final class EventStream implements Runnable {

        private final String stackName;
        private final Instant since;
        private final Set<String> seen = new HashSet<>();
        private final List<StackEvent> all = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);

        EventStream(String stackName, Instant since) {
            this.stackName = stackName;
            this.since = since;
        }

        @Override
        public void run() {
            while (running.get()) {
                poll();
                console.spinner(stackName + " " + (all.isEmpty() ? "starting" : all.getLast().resourceStatusAsString()
                        + " " + all.getLast().logicalResourceId()));
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() {
            running.set(false);
        }

        synchronized void poll() {
            List<StackEvent> fresh = new ArrayList<>();
            try {
                for (StackEvent event : cfn.describeStackEvents(r -> r.stackName(stackName)).stackEvents()) {
                    if (event.timestamp() != null && event.timestamp().isBefore(since)) {
                        break; // newest first: the rest belong to earlier operations
                    }
                    if (seen.add(event.eventId())) {
                        fresh.add(event);
                    }
                }
            } catch (SdkException e) {
                return; // the stack may be gone (a delete) or not yet there; the waiter decides
            }
            for (StackEvent event : fresh.reversed()) {
                all.add(event);
                console.detail(String.format(Locale.ROOT, "%s %-20s %-30s %s%s", CLOCK.format(event.timestamp()),
                        event.resourceStatusAsString(), event.logicalResourceId(), event.resourceType(),
                        event.resourceStatusReason() == null || event.resourceStatusReason().isBlank() ? ""
                                : ": " + event.resourceStatusReason()));
            }
        }

        /** The first resource that failed in this operation: the cause, not the cascade after it. */
        synchronized Optional<StackEvent> firstFailure() {
            return all.stream().filter(e -> e.resourceStatusAsString() != null
                            && e.resourceStatusAsString().endsWith("_FAILED")
                            && !"AWS::CloudFormation::Stack".equals(e.resourceType()))
                    .findFirst();
        }

        synchronized boolean onlyStackEvents() {
            return all.stream().allMatch(e -> "AWS::CloudFormation::Stack".equals(e.resourceType()));
        }
    }
}
