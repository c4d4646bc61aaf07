package dev.agentcore.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.agentcore.local.auth.CredentialsDirectory;
import dev.agentcore.local.auth.InMemoryCredentialsDirectory;
import dev.agentcore.local.auth.MotoCredentialsDirectory;
import dev.agentcore.local.auth.SigningCredentials;
import dev.agentcore.local.data.AccessKeyDirectory;
import dev.agentcore.local.data.AwsIamDirectory;
import dev.agentcore.local.data.CachingIamDirectory;
import dev.agentcore.local.data.DataPlaneService;
import dev.agentcore.local.identity.IdentityService;
import dev.agentcore.local.data.IamDirectory;
import dev.agentcore.local.data.InMemoryIamDirectory;
import dev.agentcore.local.hosting.ExecutionRoleCredentials;
import dev.agentcore.local.hosting.ImageStore;
import dev.agentcore.local.hosting.RunnerProvisioner;
import dev.agentcore.local.hosting.RunnerSessionHosts;
import dev.agentcore.local.hosting.StsExecutionRoleCredentials;
import dev.agentcore.local.gateway.AwsGateway;
import dev.agentcore.local.runner.SessionPool;
import dev.agentcore.localoauth.authorizer.JwtAuthorizer;
import dev.agentcore.localoauth.discovery.IssuerBase;
import dev.agentcore.localoauth.http.LocalOAuthServer;
import dev.agentcore.localoauth.pool.CognitoUserPools;
import dev.agentcore.localoauth.pool.InMemoryUserPools;
import dev.agentcore.localoauth.pool.UserPools;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The whole local AgentCore on one port, as the launcher starts it: the control plane, the data plane
 * (InvokeAgentRuntime, StopRuntimeSession) running each session's image through local-runner's {@link SessionPool},
 * the image check at Create/Update, and Cognito-compatible tokens (local-oauth) under {@link #COGNITO_PATH}.
 * For development and tests only.
 */
public final class LocalStack implements AutoCloseable {

    public static final String COGNITO_PATH = "/cognito";

    /**
     * What the launcher adds to the control plane's configuration.
     *
     * @param imageDirectory   the local image store (pushed tars); default {@code <state dir>/images}, else in the work
     *                         directory
     * @param workDirectory    where images are unpacked and sessions get their home; default {@code <state dir>/runner},
     *                         else a temporary directory removed at close
     * @param logDirectory     the sessions' logs; default {@code <work dir>/logs}
     * @param images           archives served as the URIs' images without copying ({@code --image URI=TAR})
     * @param maxSessions      how many sessions may run at once
     * @param awsEndpoint      the local AWS (moto): IAM for callers' and execution roles' policies, Cognito for pools
     * @param callers          SigV4 callers' keys ({@code --caller}): each signs as its principal; a caller with the
     *                         static key ({@value LocalAgentCoreConfig#STATIC_ACCESS_KEY}) replaces the static pair
     * @param requireMmdsV2    whether invocations require {@code metadataConfiguration.requireMMDSV2}, as AWS does
     * @param checkImagesAtCreate whether Create/Update check the image exists and is arm64 (CREATE_FAILED otherwise),
     *                         as AWS does; off, a missing image fails when a session starts (tests of templates whose
     *                         image URIs are placeholders)
     */
    public record Settings(LocalAgentCoreConfig agentCore, Optional<Path> imageDirectory, Optional<Path> workDirectory,
                           Optional<Path> logDirectory, Map<String, Path> images, int maxSessions,
                           Optional<URI> awsEndpoint, List<SigningCredentials> callers, boolean requireMmdsV2,
                           boolean checkImagesAtCreate) {

        public static final int DEFAULT_MAX_SESSIONS = 16;
        /** The local stack's static test access key, and who it is without a local AWS. */
        public static final String LOCAL_ACCESS_KEY = LocalAgentCoreConfig.STATIC_ACCESS_KEY;

        public Settings {
            images = Map.copyOf(images);
            callers = List.copyOf(callers);
            if (maxSessions < 1) {
                throw new IllegalArgumentException("max sessions " + maxSessions + " is not at least 1");
            }
        }

        public static Settings of(LocalAgentCoreConfig agentCore) {
            return new Settings(agentCore, Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                    DEFAULT_MAX_SESSIONS, Optional.empty(), List.of(), true, true);
        }

        /** {@code arn:aws:iam::ACCOUNT:user/local}: the default SigV4 caller, owner of the access key {@code local}. */
        public String defaultCaller() {
            return LocalAgentCoreConfig.defaultCaller(agentCore.accountId()).toString();
        }

        /**
         * The keys the front door verifies, first found wins: the callers, then the configuration's own (the static
         * pair unless the configuration says otherwise), then, with a local AWS, every key and session it issued.
         */
        CredentialsDirectory credentials() {
            InMemoryCredentialsDirectory given = new InMemoryCredentialsDirectory();
            callers.forEach(given::register);
            CredentialsDirectory configured = given.orElse(agentCore.credentials());
            return awsEndpoint.<CredentialsDirectory>map(e -> configured.orElse(new MotoCredentialsDirectory(e)))
                    .orElse(configured);
        }
    }

    private final LocalAgentCore agentCore;
    private final SessionPool pool;
    private final ImageStore imageStore;
    private final LocalOAuthServer oauth;
    private final Path logDirectory;
    private final Optional<Path> temporaryWork;
    private final List<AutoCloseable> clients;
    private final Optional<URI> awsGateway;
    private final IdentityService identity;

    private LocalStack(LocalAgentCore agentCore, SessionPool pool, ImageStore imageStore, LocalOAuthServer oauth,
                       Path logDirectory, Optional<Path> temporaryWork, List<AutoCloseable> clients,
                       Optional<URI> awsGateway, IdentityService identity) {
        this.agentCore = agentCore;
        this.pool = pool;
        this.imageStore = imageStore;
        this.oauth = oauth;
        this.logDirectory = logDirectory;
        this.temporaryWork = temporaryWork;
        this.clients = clients;
        this.awsGateway = awsGateway;
        this.identity = identity;
    }

    /** Starts everything; the answer serves requests. Close it to stop every session and free the port. */
    public static LocalStack start(Settings settings) throws IOException {
        LocalAgentCoreConfig base = settings.agentCore();
        Optional<Path> state = base.stateDirectory();
        Optional<Path> temporaryWork = settings.workDirectory().isPresent() || state.isPresent() ? Optional.empty()
                : Optional.of(Files.createTempDirectory("local-agentcore-"));
        Path work = settings.workDirectory().or(() -> state.map(d -> d.resolve("runner"))).orElseGet(temporaryWork::get);
        Path logs = settings.logDirectory().orElse(work.resolve("logs"));
        ImageStore store = new ImageStore(settings.imageDirectory().or(() -> state.map(d -> d.resolve("images")))
                .orElse(work.resolve("images")));
        settings.images().forEach(store::register);
        Files.createDirectories(store.folder());
        Files.createDirectories(logs);

        List<AutoCloseable> clients = new ArrayList<>();
        IamDirectory iam;
        UserPools pools;
        ExecutionRoleCredentials roleCredentials;
        CredentialsDirectory credentials = settings.credentials();
        if (settings.awsEndpoint().isPresent()) {
            URI endpoint = settings.awsEndpoint().get();
            // moto accepts any key: the static pair, as the stack's other clients sign.
            var motoKeys = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    LocalAgentCoreConfig.STATIC_ACCESS_KEY, LocalAgentCoreConfig.STATIC_SECRET_KEY));
            IamClient iamClient = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                    .credentialsProvider(motoKeys).httpClient(UrlConnectionHttpClient.create()).build();
            CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder().endpointOverride(endpoint)
                    .region(Region.of(base.region())).credentialsProvider(motoKeys)
                    .httpClient(UrlConnectionHttpClient.create()).build();
            StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.of(base.region()))
                    .credentialsProvider(motoKeys).httpClient(UrlConnectionHttpClient.create()).build();
            clients.add(iamClient);
            clients.add(cognito);
            clients.add(sts);
            // IAM over HTTP on every request is most of a check's cost; reused for the configured time (see the cache).
            iam = CachingIamDirectory.of(new AwsIamDirectory(iamClient), base.iamCache(), base.clock());
            roleCredentials = new StsExecutionRoleCredentials(sts, iamClient);
            pools = new CognitoUserPools(cognito);
        } else {
            // No local AWS: the default caller may invoke and stop every runtime of the account; nobody else may.
            iam = new InMemoryIamDirectory().put(settings.defaultCaller(), "local-agentcore-default-caller", """
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Action": ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeForUser",
                                "bedrock-agentcore:StopRuntimeSession"],
                     "Resource": "arn:aws:bedrock-agentcore:*:%s:runtime/*"}]}""".formatted(base.accountId()));
            pools = new InMemoryUserPools();
            roleCredentials = ExecutionRoleCredentials.LOCAL_STACK;
        }
        // Who signed, for the data plane's and the identity operations' policy checks: the front door's directory.
        AccessKeyDirectory accessKeys = credentials::principalOf;

        SessionPool pool = new SessionPool(store, SessionPool.Settings.defaults(work, logs)
                .withMaxSessions(settings.maxSessions()));
        // Tokens carry Cognito's own issuer, so runtimes keep the discovery URLs the templates give them; the
        // authorizer fetches that host here (the base URL is known once mounted, hence the late lookup).
        LocalOAuthServer oauth = LocalOAuthServer.builder(pools).issuerBase(IssuerBase.awsCognito()).build();
        JwtAuthorizer jwt = JwtAuthorizer.create(url -> oauth.cognitoRewrite().apply(url));
        // The workload identity operations agents call (GetWorkloadAccessToken*, GetResource*), under /identities/.
        IdentityService identity = IdentityService.builder().iam(iam).accessKeys(accessKeys).jwtAuthorizer(jwt).build();
        // What every session's environment names, known once both ports serve.
        AtomicReference<Map<String, String>> sessionEnvironment = new AtomicReference<>(Map.of());
        DataPlaneService dataPlane = DataPlaneService.builder(
                        new RunnerSessionHosts(pool, base.region(), roleCredentials, sessionEnvironment::get))
                .iam(iam).accessKeys(accessKeys)
                .jwtAuthorizer(jwt)
                .requireMmdsV2(settings.requireMmdsV2())
                .workloadTokens(identity.workloadTokenIssuer())
                .build();
        LocalAgentCoreConfig.Builder builder = base.toBuilder().credentials(credentials).service(dataPlane)
                .service(identity);
        if (settings.checkImagesAtCreate()) {
            builder.provisioner(new RunnerProvisioner(pool));
        }
        LocalAgentCoreConfig config = builder.build();
        LocalAgentCore agentCore;
        Optional<AwsGateway> gateway = Optional.empty();
        try {
            if (settings.awsEndpoint().isPresent()) {
                gateway = Optional.of(AwsGateway.builder(settings.awsEndpoint().get()).host(base.host())
                        .region(base.region()).accountId(base.accountId()).credentials(credentials).iam(iam)
                        .clock(base.clock()).log(base.log()).start());
                clients.add(gateway.get());
            }
            agentCore = LocalAgentCore.start(config);
        } catch (IOException | RuntimeException e) {
            pool.close();
            closeAll(clients);
            temporaryWork.ifPresent(LocalStack::deleteTree);
            throw e;
        }
        oauth.mount(agentCore.httpServer(), COGNITO_PATH, agentCore.endpoint());
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        // The agent's own AgentCore calls (GetResourceOauth2Token, ...) reach this service.
        environment.put("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", agentCore.endpoint().toString());
        gateway.ifPresent(g -> environment.put("AWS_ENDPOINT_URL", g.endpoint().toString()));
        sessionEnvironment.set(Map.copyOf(environment));
        return new LocalStack(agentCore, pool, store, oauth, logs, temporaryWork, clients,
                gateway.map(AwsGateway::endpoint), identity);
    }

    public LocalAgentCore agentCore() {
        return agentCore;
    }

    /** The control plane's and the data plane's endpoint (one port). */
    public URI endpoint() {
        return agentCore.endpoint();
    }

    /** Where the Cognito-compatible endpoints are: {@code <endpoint>/cognito}; a pool's domain is {@code /<pool id>}. */
    public URI cognitoBase() {
        return oauth.baseUrl();
    }

    public LocalOAuthServer oauth() {
        return oauth;
    }

    /**
     * The AWS gateway sessions get as {@code AWS_ENDPOINT_URL} (their role's policies checked before the local AWS
     * answers); present with a local AWS only.
     */
    public Optional<URI> awsGateway() {
        return awsGateway;
    }

    /** The workload identity operations (their token store issues the containers' workload access tokens). */
    public IdentityService identity() {
        return identity;
    }

    public SessionPool sessions() {
        return pool;
    }

    public ImageStore images() {
        return imageStore;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    /** Stops serving, then every session's process (waiting for them), then the local AWS clients. */
    @Override
    public void close() {
        agentCore.close();
        pool.close();
        closeAll(clients);
        temporaryWork.ifPresent(LocalStack::deleteTree);
    }

    private static void closeAll(List<AutoCloseable> clients) {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception e) {
                // Nothing left to do with a client that fails to close.
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
