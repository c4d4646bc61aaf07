package dev.agentcore.deploy.images;

import dev.agentcore.deploy.cli.DeployException;
import dev.agentcore.deploy.cli.ExitCode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.ecr.model.ImageIdentifier;
import software.amazon.awssdk.services.ecr.model.ImageNotFoundException;

/** Where a built image goes: an ECR repository, or the local AgentCore's image store. */
public sealed interface ImageDestination {

    /** Result of a push: whether anything was sent (an image already there under its tag is not sent again). */
    enum Pushed { SENT, ALREADY_THERE }

    Pushed push(BuiltImage image, String repositoryUri);

    /**
     * ECR: the repository's registry token from the SDK's GetAuthorizationToken, then Jib's {@code jib:build}. An image
     * already in the repository under its tag (tags are immutable and content-derived) is not pushed again.
     */
    record Ecr(EcrClient ecr, JibBuilds jib) implements ImageDestination {

        @Override
        public Pushed push(BuiltImage image, String repositoryUri) {
            String repository = repositoryUri.substring(repositoryUri.indexOf('/') + 1);
            try {
                var found = ecr.describeImages(r -> r.repositoryName(repository)
                        .imageIds(ImageIdentifier.builder().imageTag(image.tag()).build())).imageDetails();
                if (!found.isEmpty()) {
                    return Pushed.ALREADY_THERE;
                }
            } catch (ImageNotFoundException notYet) {
                // the usual case: a new tag
            }
            AuthorizationData token = ecr.getAuthorizationToken(r -> { }).authorizationData().getFirst();
            String decoded = new String(Base64.getDecoder().decode(token.authorizationToken()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            jib.push(image, repositoryUri + ":" + image.tag(), decoded.substring(0, colon), decoded.substring(colon + 1));
            return Pushed.SENT;
        }
    }

    /**
     * The local AgentCore's image store: {@code <folder>/<URL-encoded URI:TAG>.tar}, written beside and renamed over,
     * the protocol infra/local-agentcore's README gives any process that pushes.
     */
    record LocalStore(Path folder) implements ImageDestination {

        public Path fileFor(String reference) {
            return folder.resolve(URLEncoder.encode(reference, StandardCharsets.UTF_8) + ".tar");
        }

        @Override
        public Pushed push(BuiltImage image, String repositoryUri) {
            Path target = fileFor(repositoryUri + ":" + image.tag());
            try {
                Files.createDirectories(folder);
                if (Files.isRegularFile(target) && Files.mismatch(target, image.archive()) == -1) {
                    return Pushed.ALREADY_THERE;
                }
                Path temporary = Files.createTempFile(folder, ".push-", ".tmp");
                try {
                    Files.copy(image.archive(), temporary, StandardCopyOption.REPLACE_EXISTING);
                    try {
                        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(temporary);
                }
                return Pushed.SENT;
            } catch (IOException e) {
                throw new DeployException(ExitCode.FAILED, "cannot copy " + image.archive() + " into the local image"
                        + " store " + folder + ": " + e.getMessage());
            }
        }
    }
}
