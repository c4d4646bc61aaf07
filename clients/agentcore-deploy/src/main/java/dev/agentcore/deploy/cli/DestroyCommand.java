package dev.agentcore.deploy.cli;

import dev.agentcore.core.state.StateFileException;
import dev.agentcore.deploy.output.Console;
import dev.agentcore.deploy.stacks.StackDeployer;
import dev.agentcore.deploy.stacks.TemplateResources;
import dev.agentcore.infra.stacks.StackDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.RepositoryNotFoundException;

/** {@code destroy}: deletes the stacks in reverse order; repositories stay unless asked; retained resources listed. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Delete the environment's stacks in reverse deploy order. Stacks with ECR repositories stay unless"
                + " --delete-repositories (which empties them first); resources a template retains are listed.")
public final class DestroyCommand implements Callable<Integer> {

    private static final String REPOSITORY_TYPE = "AWS::ECR::Repository";

    @Mixin
    CommonOptions common;

    @Option(names = "--dry-run", description = "List what would be deleted and kept; delete nothing.")
    boolean dryRun;

    @Option(names = "--only", split = ",", paramLabel = "STACK", description = "Delete only these stacks.")
    List<String> only = List.of();

    @Option(names = "--delete-repositories", description = "Also delete the stacks holding ECR repositories, and their images.")
    boolean deleteRepositories;

    private final Console console;

    public DestroyCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        Workspace ws = Workspace.open(common);
        for (String name : only) {
            if (ws.plan().order().stream().noneMatch(s -> s.name().equals(name))) {
                throw new DeployException(ExitCode.USAGE, "--only " + name + ": no such stack in infra/stacks.json");
            }
        }
        try (Session session = new Session(ws, console, common.poll())) {
            var identity = session.identity();
            console.line("destroy " + ws.plan().environment().name() + " on " + ws.target().describe() + " as "
                    + identity.arn() + (dryRun ? " (dry run: nothing is deleted)" : ""));
            StackDeployer stacks = session.stacks();
            List<String> kept = new ArrayList<>();
            List<StackDefinition> reversed = new ArrayList<>(ws.plan().order());
            java.util.Collections.reverse(reversed);
            for (StackDefinition stack : reversed) {
                if (!only.isEmpty() && !only.contains(stack.name())) {
                    continue;
                }
                String stackName = ws.plan().stackName(stack);
                if (stacks.describe(stackName).isEmpty()) {
                    console.detail(stackName + ": not deployed");
                    ws.outputs().fileOf(stackName).toFile().delete();
                    continue;
                }
                TemplateResources resources = TemplateResources.read(stack.template());
                if (resources.has(REPOSITORY_TYPE) && !deleteRepositories) {
                    console.detail(stackName + ": kept (it holds ECR repositories and their images; --delete-repositories"
                            + " deletes them)");
                    kept.add(stackName + " (repositories)");
                    continue;
                }
                resources.retained().forEach(r -> kept.add(stackName + ": " + r.logicalId() + " (" + r.type()
                        + ", DeletionPolicy Retain): " + physicalId(session, stackName, r.logicalId())));
                if (dryRun) {
                    console.detail(stackName + ": would be deleted");
                    continue;
                }
                console.step("delete " + stackName);
                if (resources.has(REPOSITORY_TYPE)) {
                    emptyRepositories(session, stackName);
                }
                stacks.delete(stackName);
                try {
                    Files.deleteIfExists(ws.outputs().fileOf(stackName));
                } catch (IOException e) {
                    console.warn("cannot remove " + ws.outputs().fileOf(stackName) + ": " + e.getMessage());
                }
                console.detail("deleted");
            }
            if (!dryRun) {
                refreshState(session, identity.account());
            }
            if (!kept.isEmpty()) {
                console.line("kept:");
                kept.forEach(k -> console.detail(k));
                console.detail("delete retained resources yourself when you mean it (a user pool: aws cognito-idp"
                        + " update-user-pool --deletion-protection INACTIVE, then delete-user-pool)");
            }
            console.line(dryRun ? "dry run: nothing was deleted" : "destroyed");
            return ExitCode.OK.status();
        }
    }

    private static String physicalId(Session session, String stackName, String logicalId) {
        try {
            return session.clients().cloudFormation().describeStackResource(r -> r.stackName(stackName)
                    .logicalResourceId(logicalId)).stackResourceDetail().physicalResourceId();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private void emptyRepositories(Session session, String stackName) {
        List<StackResourceSummary> repositories = new ArrayList<>();
        session.clients().cloudFormation().listStackResourcesPaginator(r -> r.stackName(stackName))
                .stackResourceSummaries().stream().filter(r -> REPOSITORY_TYPE.equals(r.resourceType()))
                .forEach(repositories::add);
        for (StackResourceSummary repository : repositories) {
            try {
                List<ImageIdentifier> images = new ArrayList<>();
                session.clients().ecr().listImagesPaginator(r -> r.repositoryName(repository.physicalResourceId()))
                        .imageIds().forEach(images::add);
                for (int i = 0; i < images.size(); i += 100) {
                    List<ImageIdentifier> batch = images.subList(i, Math.min(images.size(), i + 100));
                    session.clients().ecr().batchDeleteImage(r -> r.repositoryName(repository.physicalResourceId())
                            .imageIds(batch));
                }
                console.detail("emptied " + repository.physicalResourceId() + " (" + images.size() + " images)");
            } catch (RepositoryNotFoundException gone) {
                // nothing to empty
            }
        }
    }

    /** The state file keeps only runtimes that still exist; with none left it is removed. */
    private void refreshState(Session session, String account) {
        Workspace ws = session.workspace();
        var state = dev.agentcore.deploy.runtimes.DeployedState.read(session.runtimes(), ws.runtimes().runtimes(),
                ws.target().region().id(), account, ws.allOutputs(), ws.localCognitoBase());
        try {
            if (state.runtimes().isEmpty()) {
                Files.deleteIfExists(ws.stateFile());
            } else {
                state.write(ws.stateFile());
            }
        } catch (IOException | StateFileException e) {
            console.warn("cannot update " + ws.stateFile() + ": " + e.getMessage());
        }
    }

}
