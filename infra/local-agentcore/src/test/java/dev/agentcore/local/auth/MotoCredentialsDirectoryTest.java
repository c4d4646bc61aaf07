package dev.agentcore.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.local.http.AwsErrorException;
import dev.agentcore.testing.RepositoryFiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.agentcore.testing.MotoServer;

/**
 * The keys moto itself issued (iam CreateAccessKey, sts AssumeRole, through boto3 as a user would), found with their
 * secrets and principals, and a request signed with them accepted end to end.
 */
class MotoCredentialsDirectoryTest {

    static MotoServer moto;
    static URI endpoint;

    @BeforeAll
    static void startMoto() throws Exception {
        moto = MotoServer.start();
        endpoint = moto.endpoint();
    }

    @AfterAll
    static void stopMoto() throws InterruptedException {
        if (moto != null) {
            moto.close();
        }
    }

    /** Runs {@code code} with boto3 clients {@code iam} and {@code sts} on moto; its last printed line, as JSON. */
    static JsonNode boto(String code) throws Exception {
        String script = """
                import json, sys, boto3
                kw = dict(endpoint_url=sys.argv[1], region_name='us-east-1', aws_access_key_id='local',
                          aws_secret_access_key='local')
                iam, sts = boto3.client('iam', **kw), boto3.client('sts', **kw)
                """ + code;
        var command = new ProcessBuilder(RepositoryFiles.python().toString(), "-c", script, endpoint.toString());
        command.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        Process run = command.start();
        String stdout = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(stderr).isZero();
        String[] lines = stdout.strip().split("\n");
        return JsonMapper.builder().build().readTree(lines[lines.length - 1]);
    }

    @Test
    void aUsersKeyAndARoleSessionAreFoundWithTheirSecretsAndPrincipals() throws Exception {
        JsonNode issued = boto("""
                iam.create_user(UserName='alice', Path='/dev/')
                key = iam.create_access_key(UserName='alice')['AccessKey']
                iam.create_role(RoleName='caller', AssumeRolePolicyDocument='{}')
                session = sts.assume_role(RoleArn='arn:aws:iam::123456789012:role/caller', RoleSessionName='s1')['Credentials']
                print(json.dumps({'key': key['AccessKeyId'], 'secret': key['SecretAccessKey'],
                                  'sessionKey': session['AccessKeyId'], 'sessionSecret': session['SecretAccessKey'],
                                  'token': session['SessionToken']}))
                """);
        var directory = new MotoCredentialsDirectory(endpoint);

        SigningCredentials alice = directory.find(issued.path("key").asString()).orElseThrow();
        assertThat(alice.secretAccessKey()).isEqualTo(issued.path("secret").asString());
        assertThat(alice.sessionToken()).isEmpty();
        assertThat(alice.principal()).isEqualTo(PrincipalArn.parse("arn:aws:iam::123456789012:user/dev/alice").orElseThrow());
        assertThat(alice.toString()).doesNotContain(issued.path("secret").asString());

        SigningCredentials session = directory.find(issued.path("sessionKey").asString()).orElseThrow();
        assertThat(session.secretAccessKey()).isEqualTo(issued.path("sessionSecret").asString());
        assertThat(session.sessionToken()).contains(issued.path("token").asString());
        assertThat(session.principal().toString()).isEqualTo("arn:aws:sts::123456789012:assumed-role/caller/s1");

        assertThat(directory.find("AKIANOBODY0000000000")).isEmpty();
        assertThat(directory.principalOf(issued.path("key").asString())).contains(alice.principal());

        // End to end: a request the SDK signs with the session moto issued passes, naming the session.
        var authenticator = SigV4Authenticator.builder("us-east-1", "bedrock-agentcore")
                .credentials(new InMemoryCredentialsDirectory().orElse(directory)).build();
        var signed = SdkSigner.sign(AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(),
                issued.path("token").asString()), "POST", URI.create("http://127.0.0.1:1/runtimes/x/invocations"),
                Map.of(), "{}", Clock.systemUTC());
        assertThat(authenticator.authenticate(signed.message()).principal()).contains(session.principal());
    }

    @Test
    void aKeyCreatedAMomentAgoIsKnownAndADeactivatedOneIsNot() throws Exception {
        var directory = new MotoCredentialsDirectory(endpoint);
        assertThat(directory.find("AKIANOBODY0000000000")).isEmpty(); // reads moto once, before the key exists
        JsonNode issued = boto("""
                iam.create_user(UserName='bob')
                key = iam.create_access_key(UserName='bob')['AccessKey']
                print(json.dumps({'key': key['AccessKeyId'], 'secret': key['SecretAccessKey']}))
                """);
        String key = issued.path("key").asString();
        assertThat(directory.principalOf(key).map(PrincipalArn::toString)).contains("arn:aws:iam::123456789012:user/bob");

        boto("iam.update_access_key(UserName='bob', AccessKeyId='" + key + "', Status='Inactive')\nprint('{}')");
        Thread.sleep(MotoCredentialsDirectory.REFRESH.toMillis() + 100);
        assertThat(directory.find(key)).isEmpty();

        var authenticator = SigV4Authenticator.builder("us-east-1", "bedrock-agentcore").credentials(directory).build();
        var signed = SdkSigner.sign(AwsBasicCredentials.create(key, issued.path("secret").asString()), "GET",
                URI.create("http://127.0.0.1:1/"), Map.of(), "", Clock.systemUTC());
        assertThatThrownBy(() -> authenticator.authenticate(signed.message()))
                .isInstanceOfSatisfying(AwsErrorException.class,
                        e -> assertThat(e.error().type()).isEqualTo("UnrecognizedClientException"));
    }

    @Test
    void aLocalAwsThatIsNotThereIsSaidPlainly() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var nowhere = new MotoCredentialsDirectory(URI.create("http://127.0.0.1:" + port));
        assertThatThrownBy(() -> nowhere.find("AKIA"))
                .hasMessageStartingWith("cannot read the local AWS's access keys from http://127.0.0.1:" + port
                        + "/moto-api/data.json");
    }
}
