package dev.handoff.emulator;

import dev.handoff.emulator.control.EmulatorControl;
import dev.handoff.emulator.internal.ControlApi;
import dev.handoff.emulator.internal.EmulatorEngine;
import dev.handoff.emulator.internal.Pipeline;
import dev.handoff.emulator.internal.acs.AcsService;
import dev.handoff.emulator.internal.auth.CallbackTokens;
import dev.handoff.emulator.internal.auth.IdentityPlatform;
import dev.handoff.emulator.internal.auth.TokenService;
import dev.handoff.emulator.internal.callback.CallbackContract;
import dev.handoff.emulator.internal.callback.CallbackDispatcher;
import dev.handoff.emulator.internal.graph.GraphService;
import dev.handoff.emulator.internal.http.HttpFrontend;
import dev.handoff.emulator.internal.json.SwaggerSchemas;
import dev.handoff.emulator.internal.state.FaultEngine;
import dev.handoff.emulator.internal.state.IdSource;
import dev.handoff.emulator.internal.state.JournalStore;
import dev.handoff.emulator.internal.state.OutcomeScript;
import dev.handoff.emulator.internal.state.Simulation;
import dev.handoff.emulator.internal.tls.TlsIdentity;
import dev.handoff.emulator.journal.Journal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * A local emulator of Azure Communication Services Call Automation and Microsoft Graph cloud
 * communications, serving both providers' wire protocols over HTTP and HTTPS on loopback.
 *
 * <pre>{@code
 * try (HandoffEmulator emulator = HandoffEmulator.builder().seed(42).build().start()) {
 *   String connectionString = emulator.acs().connectionString();
 *   AcsCall call = emulator.control().createAcsCall(AcsCallSpec.oneToOne(callbackUri, "4:+14255550100"));
 *   ...
 * }
 * }</pre>
 *
 * <p>Its length is the builder's one documented setter per emulator flag; splitting it by provider
 * is left for later (the builder's settings are shared by both providers' services).
 */
public final class HandoffEmulator implements AutoCloseable {

  /** Default ACS resource id (the audience of ACS callback tokens). */
  public static final String DEFAULT_ACS_RESOURCE_ID = "3f6b8a2e-5c1d-4e7f-9a0b-1c2d3e4f5a6b";

  /** Default Entra tenant of the Graph bot. */
  public static final String DEFAULT_TENANT_ID = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

  /** Default client id of the Graph bot app. */
  public static final String DEFAULT_CLIENT_ID = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d";

  /** Default client secret of the Graph bot app. */
  public static final String DEFAULT_CLIENT_SECRET = "handoff-emulator-secret";

  /**
   * Default number of participants in one page of a participant list: large enough that an ordinary
   * call lists in one page, small enough that a large meeting's list is paged. A test sets a small
   * size to exercise a client's paging.
   */
  public static final int DEFAULT_PARTICIPANT_PAGE_SIZE = 100;

  private final EmulatorSettings settings;
  private HttpFrontend frontend;
  private ScheduledThreadPoolExecutor scheduler;
  private CallbackDispatcher dispatcher;
  private CallbackTokens callbackTokens;
  private EmulatorEngine engine;
  private TrustMaterial trust;
  private boolean closed;

  private HandoffEmulator(EmulatorSettings settings) {
    this.settings = settings;
  }

  /** A builder with the defaults described on each setter. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generates the keys, binds the listeners and starts serving.
   *
   * @return this emulator
   * @throws IllegalStateException if already started
   */
  public synchronized HandoffEmulator start() {
    if (frontend != null || closed) {
      throw new IllegalStateException("the emulator was already started");
    }
    // The signing key (RSA-2048: a random few hundred milliseconds) is generated on a thread of
    // its own while this one reads the OpenAPI spec and makes the TLS identity.
    FutureTask<TokenService> signingKey =
        new FutureTask<>(() -> new TokenService(settings.clock()));
    Thread keyThread = new Thread(signingKey, "handoff-emulator-keygen");
    keyThread.setDaemon(true);
    keyThread.start();
    SwaggerSchemas spec = SwaggerSchemas.acsCallAutomation();
    TlsIdentity tls =
        settings.tlsKeyStore() != null
            ? TlsIdentity.fromPkcs12(
                settings.tlsKeyStore(),
                settings.tlsKeyStorePassword() == null
                    ? new char[0]
                    : settings.tlsKeyStorePassword().toCharArray())
            : TlsIdentity.selfSigned(settings.tlsHostnames());
    trust = new TrustMaterial(tls.certificate());
    TokenService tokens = join(signingKey);
    scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "handoff-emulator-simulation");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    JournalStore journal = new JournalStore();
    FaultEngine faults = new FaultEngine();
    OutcomeScript script = new OutcomeScript();
    IdSource ids = new IdSource(settings.seed());
    dispatcher =
        new CallbackDispatcher(settings, journal, faults, scheduler, new CallbackContract(spec));
    callbackTokens = new CallbackTokens(tokens, settings.clock());
    Simulation simulation =
        new Simulation(settings, ids, scheduler, dispatcher, tokens, callbackTokens, script);
    AcsService acs = new AcsService(simulation, spec);
    GraphService graph = new GraphService(simulation);
    IdentityPlatform identity = new IdentityPlatform(settings, tokens, ids.child());
    engine = new EmulatorEngine(acs, graph, script, faults, journal, simulation);
    ControlApi control = new ControlApi(engine, this::info, trust);
    Pipeline pipeline =
        new Pipeline(
            List.of(acs, graph, identity),
            control::handle,
            faults,
            journal,
            settings.clock(),
            settings.maxHold());
    try {
      frontend =
          HttpFrontend.start(
              settings.bindAddress(),
              settings.httpPort(),
              settings.httpsPort(),
              tls.serverContext(),
              settings.advertisedHost(),
              settings.maxHold(),
              pipeline);
    } catch (RuntimeException e) {
      scheduler.shutdownNow();
      dispatcher.close();
      throw e;
    }
    acs.baseUrl(frontend.httpBaseUrl());
    return this;
  }

  private static TokenService join(FutureTask<TokenService> signingKey) {
    try {
      return signingKey.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while generating the signing key", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw new IllegalStateException("cannot generate the signing key", cause);
    }
  }

  private void requireStarted() {
    if (frontend == null) {
      throw new IllegalStateException("the emulator is not started");
    }
  }

  /** The settings it runs with. */
  public EmulatorSettings settings() {
    return settings;
  }

  /** The bound plain-HTTP port. */
  public int httpPort() {
    requireStarted();
    return frontend.httpPort();
  }

  /** The bound HTTPS port. */
  public int httpsPort() {
    requireStarted();
    return frontend.httpsPort();
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI httpBaseUrl() {
    requireStarted();
    return URI.create(frontend.httpBaseUrl());
  }

  /** {@code https://127.0.0.1:<port>}. */
  public URI httpsBaseUrl() {
    requireStarted();
    return URI.create(frontend.httpsBaseUrl());
  }

  /** How to reach the emulated ACS resource (connection string, JWKS, ...). */
  public AcsEndpoints acs() {
    requireStarted();
    String https = frontend.httpsBaseUrl();
    String http = frontend.httpBaseUrl();
    return new AcsEndpoints(
        URI.create(https),
        URI.create(http),
        settings.acsAccessKey(),
        settings.acsResourceId(),
        TokenService.ACS_CALLBACK_ISSUER,
        URI.create(https + "/calling/.well-known/acsopenidconfiguration"),
        URI.create(http + "/calling/.well-known/acsopenidconfiguration"),
        URI.create(https + "/calling/keys"),
        URI.create(http + "/calling/keys"));
  }

  /** How to reach the emulated Graph and its token endpoint. */
  public GraphEndpoints graph() {
    requireStarted();
    String https = frontend.httpsBaseUrl();
    String http = frontend.httpBaseUrl();
    String tenant = settings.graphTenantId();
    return new GraphEndpoints(
        URI.create(https),
        URI.create(http),
        URI.create(https + "/v1.0"),
        URI.create(https + "/beta"),
        URI.create(https + "/" + tenant + "/oauth2/v2.0/token"),
        URI.create(http + "/" + tenant + "/oauth2/v2.0/token"),
        URI.create(https),
        tenant,
        settings.graphClientId(),
        settings.graphClientSecret(),
        "https://graph.microsoft.com/.default",
        settings.graphBotAppId(),
        TokenService.GRAPH_CALLBACK_ISSUER,
        URI.create(https + "/v1/.well-known/OpenIdConfiguration"),
        URI.create(http + "/v1/.well-known/OpenIdConfiguration"),
        URI.create(https + "/v1/keys"),
        URI.create(http + "/v1/keys"));
  }

  /** The trust material of the HTTPS listener. */
  public TrustMaterial trust() {
    requireStarted();
    return trust;
  }

  /** The control API: create calls, script outcomes, inject faults, read the journal. */
  public EmulatorControl control() {
    requireStarted();
    return engine;
  }

  /** Shorthand for {@code control().journal()}. */
  public Journal journal() {
    return control().journal();
  }

  /** The control API's base URL over plain HTTP ({@code http://127.0.0.1:<port>/_emulator}). */
  public URI controlUrl() {
    return URI.create(httpBaseUrl() + "/_emulator");
  }

  /** A human-readable summary of the URLs and credentials, as the CLI prints at start. */
  public String describe() {
    AcsEndpoints acs = acs();
    GraphEndpoints graph = graph();
    return String.join(
        "\n",
        "Handoff emulator listening on " + httpBaseUrl() + " and " + httpsBaseUrl(),
        "ACS connection string (HTTPS): " + acs.connectionString(),
        "ACS connection string (HTTP):  " + acs.httpConnectionString(),
        "ACS resource id (callback JWT audience): " + acs.resourceId(),
        "ACS callback OpenID configuration: "
            + acs.httpOpenIdConfiguration()
            + " (JWKS "
            + acs.httpJwks()
            + ")",
        "Graph base URL: "
            + graph.baseUrl()
            + " (also "
            + graph.httpBaseUrl()
            + "; with the version, for the Graph SDK: "
            + graph.v1Url()
            + ", beta "
            + graph.betaUrl()
            + ")",
        "Graph token endpoint: "
            + graph.httpTokenEndpoint()
            + " (also "
            + graph.tokenEndpoint()
            + ")",
        "Graph client credentials: client_id="
            + graph.clientId()
            + " client_secret="
            + graph.clientSecret()
            + " scope="
            + graph.scope(),
        "Graph callback OpenID configuration: "
            + graph.httpOpenIdConfiguration()
            + " (JWKS "
            + graph.httpJwks()
            + ", audience "
            + graph.botAppId()
            + ")",
        "Trust material: "
            + controlUrl()
            + "/trust.pem and "
            + controlUrl()
            + "/truststore.p12 (password "
            + TrustMaterial.PKCS12_PASSWORD
            + ")",
        "Control API: " + controlUrl() + " (GET " + controlUrl() + "/info)");
  }

  ControlApi.Info info() {
    AcsEndpoints acs = acs();
    GraphEndpoints graph = graph();
    return new ControlApi.Info(
        httpBaseUrl().toString(),
        httpsBaseUrl().toString(),
        acs,
        acs.connectionString(),
        acs.httpConnectionString(),
        graph,
        engine.eventGridWebhook(),
        engine.graphBotWebhook(),
        settings.seed(),
        settings.timeScale());
  }

  /** Stops the listeners and every pending simulation step. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (frontend != null) {
      frontend.close();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    if (dispatcher != null) {
      dispatcher.close();
    }
    if (callbackTokens != null) {
      callbackTokens.close();
    }
  }

  /** Configures an emulator; every setting has a usable default. */
  public static final class Builder {
    private String bindAddress = "127.0.0.1";
    private String advertisedHost;
    private int httpPort;
    private int httpsPort;
    private long seed;
    private String acsResourceId = DEFAULT_ACS_RESOURCE_ID;
    private String acsAccessKey = defaultAccessKey();
    private String graphTenantId = DEFAULT_TENANT_ID;
    private String graphClientId = DEFAULT_CLIENT_ID;
    private String graphClientSecret = DEFAULT_CLIENT_SECRET;
    private String graphBotAppId;
    private List<String> graphRoles = List.of("Calls.Initiate.All", "Calls.InitiateGroupCall.All");
    private String graphBotWebhook;
    private String eventGridWebhook;
    private double timeScale = 1.0;
    private Duration ringTime = Duration.ofSeconds(1);
    private Duration defaultInvitationTimeout = Duration.ofSeconds(60);
    private Duration graphIncomingCallTimeout = Duration.ofSeconds(15);
    private Duration callbackTimeout = Duration.ofSeconds(10);
    private int callbackMaxAttempts = 5;
    private Duration callbackInitialBackoff = Duration.ofMillis(500);
    private Duration callbackMaxBackoff = Duration.ofSeconds(8);
    private boolean callbackTrustAll = true;
    private Duration maxHold = Duration.ofSeconds(30);
    private Duration hmacClockSkew = Duration.ofMinutes(15);
    private boolean graphSubCodeCamelCase;
    private int participantPageSize = DEFAULT_PARTICIPANT_PAGE_SIZE;
    private Path tlsKeyStore;
    private String tlsKeyStorePassword;
    private final List<String> tlsHostnames = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    private static String defaultAccessKey() {
      try {
        byte[] key =
            MessageDigest.getInstance("SHA-256")
                .digest("handoff-emulator-acs-access-key".getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(key);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** The address both listeners bind (default {@code 127.0.0.1}). */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /**
     * The host put into reported URLs (default: the bind address, {@code 127.0.0.1} for a
     * wildcard).
     */
    public Builder advertisedHost(String advertisedHost) {
      this.advertisedHost = advertisedHost;
      return this;
    }

    /** The plain HTTP port (default 0: any free port). */
    public Builder httpPort(int httpPort) {
      this.httpPort = port(httpPort, "httpPort");
      return this;
    }

    /** The HTTPS port (default 0: any free port). */
    public Builder httpsPort(int httpsPort) {
      this.httpsPort = port(httpsPort, "httpsPort");
      return this;
    }

    /** The seed of every generated id (default 0). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The ACS resource's immutable id, the audience of ACS callback JWTs. */
    public Builder acsResourceId(String acsResourceId) {
      this.acsResourceId = requireText(acsResourceId, "acsResourceId");
      return this;
    }

    /** The ACS access key (base64) that HMAC signatures must use. */
    public Builder acsAccessKey(String acsAccessKey) {
      requireText(acsAccessKey, "acsAccessKey");
      try {
        if (Base64.getDecoder().decode(acsAccessKey).length == 0) {
          throw new IllegalArgumentException("acsAccessKey must not be empty");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("acsAccessKey must be base64: " + e.getMessage(), e);
      }
      this.acsAccessKey = acsAccessKey;
      return this;
    }

    /** The Graph bot's tenant id. */
    public Builder graphTenant(String tenantId) {
      this.graphTenantId = requireText(tenantId, "graphTenant");
      return this;
    }

    /** The Graph bot app's client id and secret that the token endpoint accepts. */
    public Builder graphApp(String clientId, String clientSecret) {
      this.graphClientId = requireText(clientId, "graph client id");
      this.graphClientSecret = requireText(clientSecret, "graph client secret");
      return this;
    }

    /** The bot's app id, the audience of Graph callback JWTs (default: the client id). */
    public Builder graphBotAppId(String botAppId) {
      this.graphBotAppId = requireText(botAppId, "graphBotAppId");
      return this;
    }

    /** The application permissions put in Graph tokens (default both calling permissions). */
    public Builder graphRoles(List<String> roles) {
      this.graphRoles = List.copyOf(roles);
      return this;
    }

    /** The bot's calling webhook for Graph incoming calls (default none). */
    public Builder graphBotWebhook(String url) {
      this.graphBotWebhook = url;
      return this;
    }

    /** The Event Grid webhook for ACS IncomingCall events (default none). */
    public Builder eventGridWebhook(String url) {
      this.eventGridWebhook = url;
      return this;
    }

    /** The factor applied to simulated durations (default 1.0; tests use e.g. 0.01). */
    public Builder timeScale(double timeScale) {
      if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
        throw new IllegalArgumentException(
            "timeScale must be a positive number but was " + timeScale);
      }
      this.timeScale = timeScale;
      return this;
    }

    /** How long a target rings before its scripted outcome (default 1 s, scaled). */
    public Builder ringTime(Duration ringTime) {
      this.ringTime = nonNegative(ringTime, "ringTime");
      return this;
    }

    /** The invitation timeout when a request names none (default 60 s, scaled). */
    public Builder defaultInvitationTimeout(Duration timeout) {
      this.defaultInvitationTimeout = nonNegative(timeout, "defaultInvitationTimeout");
      return this;
    }

    /** How long a Graph incoming call can be redirected (default 15 s, not scaled). */
    public Builder graphIncomingCallTimeout(Duration timeout) {
      this.graphIncomingCallTimeout = nonNegative(timeout, "graphIncomingCallTimeout");
      return this;
    }

    /** The request timeout of one callback attempt (default 10 s, not scaled). */
    public Builder callbackTimeout(Duration timeout) {
      this.callbackTimeout = positive(timeout, "callbackTimeout");
      return this;
    }

    /**
     * Callback retries: most attempts (default 5), first delay (default 500 ms) and cap (8 s),
     * scaled.
     */
    public Builder callbackRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("callback maxAttempts must be at least 1");
      }
      this.callbackMaxAttempts = maxAttempts;
      this.callbackInitialBackoff = nonNegative(initialBackoff, "initialBackoff");
      this.callbackMaxBackoff = nonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    /** Whether https callbacks trust any certificate (default true: receivers are local). */
    public Builder callbackTrustAll(boolean trustAll) {
      this.callbackTrustAll = trustAll;
      return this;
    }

    /** The longest a "no response" fault holds a request (default 30 s, not scaled). */
    public Builder maxHold(Duration maxHold) {
      this.maxHold = nonNegative(maxHold, "maxHold");
      return this;
    }

    /** How far an HMAC-signed date may be off (default 15 minutes). */
    public Builder hmacClockSkew(Duration skew) {
      this.hmacClockSkew = nonNegative(skew, "hmacClockSkew");
      return this;
    }

    /** Emit {@code subCode} rather than {@code subcode} in Graph resultInfo (default false). */
    public Builder graphSubCodeCamelCase(boolean camelCase) {
      this.graphSubCodeCamelCase = camelCase;
      return this;
    }

    /**
     * The most participants one page of a participant list holds, ACS's and Graph's alike (default
     * {@value HandoffEmulator#DEFAULT_PARTICIPANT_PAGE_SIZE}: a call of that many or fewer lists in
     * one page). A longer list links its next page ({@code nextLink}, {@code @odata.nextLink}).
     */
    public Builder participantPageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException(
            "participantPageSize must be at least 1 but was " + pageSize);
      }
      this.participantPageSize = pageSize;
      return this;
    }

    /**
     * Serve HTTPS with the first key entry of this PKCS12 store instead of a generated certificate.
     */
    public Builder tlsKeyStore(Path pkcs12, String password) {
      this.tlsKeyStore = Objects.requireNonNull(pkcs12, "pkcs12");
      this.tlsKeyStorePassword = password;
      return this;
    }

    /**
     * An extra host name or IP for the generated certificate (localhost, 127.0.0.1, ::1 are always
     * in).
     */
    public Builder tlsHostname(String hostname) {
      this.tlsHostnames.add(requireText(hostname, "tlsHostname"));
      return this;
    }

    /** The clock of timestamps and token lifetimes (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The configured, not yet started emulator. */
    public HandoffEmulator build() {
      String advertised = advertisedHost;
      if (advertised == null) {
        advertised =
            bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
      }
      return new HandoffEmulator(
          new EmulatorSettings(
              bindAddress,
              advertised,
              httpPort,
              httpsPort,
              seed,
              acsResourceId,
              acsAccessKey,
              graphTenantId,
              graphClientId,
              graphClientSecret,
              graphBotAppId != null ? graphBotAppId : graphClientId,
              graphRoles,
              graphBotWebhook,
              eventGridWebhook,
              timeScale,
              ringTime,
              defaultInvitationTimeout,
              graphIncomingCallTimeout,
              callbackTimeout,
              callbackMaxAttempts,
              callbackInitialBackoff,
              callbackMaxBackoff,
              callbackTrustAll,
              maxHold,
              hmacClockSkew,
              graphSubCodeCamelCase,
              participantPageSize,
              tlsKeyStore,
              tlsKeyStorePassword,
              tlsHostnames,
              clock));
    }

    private static int port(int port, String name) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " must be 0..65535 but was " + port);
      }
      return port;
    }

    private static String requireText(String value, String name) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return value;
    }

    private static Duration nonNegative(Duration value, String name) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be a non-negative duration");
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration");
      }
      return value;
    }
  }
}
