package dev.handoff.app.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the service can be configured with, under {@code handoff.*}; each property can be
 * overridden by an environment variable ({@code HANDOFF_PROVIDER}, {@code
 * HANDOFF_ACS_CONNECTION_STRING}, ...). Secrets are never logged: they are typed {@link Secret}.
 *
 * <p>Long because it is the configuration mapping: one documented method per setting, no logic.
 */
@ConfigMapping(prefix = "handoff")
public interface HandoffConfig {

  /** Which provider the service drives. */
  enum Provider {
    /**
     * None configured: the service refuses to start, so that a forgotten setting never turns into
     * simulated transfers reported as real. The demo, dev and test profiles choose the emulator.
     */
    NONE,
    /**
     * The built-in emulator, started in-process: no account needed, and no real call is ever
     * transferred. Only when asked for (or in the demo, dev and test profiles).
     */
    EMULATOR,
    /** Azure Communication Services Call Automation. */
    ACS,
    /** Microsoft Graph cloud communications. */
    GRAPH
  }

  /**
   * @return the provider; {@link Provider#NONE} when nothing is configured, which the start-up
   *     checks refuse
   */
  @WithDefault("none")
  Provider provider();

  /**
   * @return the public base URL at which the providers reach this service's {@code /callbacks/*};
   *     required for ACS and Graph, derived from the HTTP port for the emulator
   */
  Optional<URI> callbackBaseUrl();

  /**
   * @return ACS settings
   */
  Acs acs();

  /**
   * @return Graph settings
   */
  Graph graph();

  /**
   * @return the embedded emulator's settings
   */
  Emulator emulator();

  /**
   * @return deadlines for operations
   */
  Deadlines deadlines();

  /**
   * @return the provider retry policy
   */
  Retry retry();

  /**
   * @return API authentication
   */
  Api api();

  /**
   * @return the periodic sweeps
   */
  Sweep sweep();

  /**
   * @return how warm handoffs wait for the providers
   */
  WarmHandoff warmHandoff();

  /**
   * @return the operation store
   */
  Store store();

  /**
   * @return how announced incoming calls are kept (in the operation store's kind of storage)
   */
  @WithName("incoming-calls")
  IncomingCalls incomingCalls();

  /** Announced incoming calls: where the operations are, in memory or PostgreSQL. */
  interface IncomingCalls {
    /**
     * @return how long an announced call is listed: well past the seconds a provider accepts its
     *     incoming-call context for
     */
    @WithDefault("PT5M")
    Duration retention();

    /**
     * @return the most calls the in-memory store holds, and the most {@code GET /v1/incoming-calls}
     *     lists
     */
    @WithDefault("200")
    int capacity();
  }

  /** Which operation store, and its bounds. */
  interface Store {
    /**
     * @return {@code memory} (the default: one instance, lost on restart) or {@code postgres}
     *     (durable, shared by several instances; the datasource is {@code quarkus.datasource.*})
     */
    @WithDefault("memory")
    StoreKind kind();

    /**
     * @return the most operations the in-memory store holds
     */
    @WithDefault("100000")
    int capacity();

    /**
     * @return how long finished operations are kept
     */
    @WithDefault("PT24H")
    Duration retention();

    /**
     * @return the PostgreSQL schema of the store's tables
     */
    @WithDefault("handoff")
    String schema();

    /**
     * @return whether the service brings the PostgreSQL schema up to date at start (Flyway; safe
     *     with several instances starting at once)
     */
    @WithDefault("true")
    boolean migrate();

    /**
     * @return how long an instance's sweep keeps the rows it claimed from other instances' sweeps
     */
    @WithDefault("PT30S")
    Duration claimLease();
  }

  /** Where operations are kept. */
  enum StoreKind {
    /** In memory: bounded, one instance, lost on restart. */
    MEMORY,
    /** PostgreSQL: durable, shared by several instances. */
    POSTGRES
  }

  /** Azure Communication Services settings. */
  interface Acs {
    /**
     * @return {@code endpoint=https://...;accesskey=...}, for HMAC authentication
     */
    Optional<Secret> connectionString();

    /**
     * @return the resource endpoint, for Microsoft Entra authentication with {@link #token()}
     */
    Optional<URI> endpoint();

    /**
     * @return a static Microsoft Entra access token (for tests and short-lived deployments)
     */
    Optional<Secret> token();

    /**
     * @return the Call Automation api-version
     */
    @WithDefault("2026-03-12")
    String apiVersion();

    /**
     * @return the ACS resource id: the audience of the callback tokens
     */
    Optional<String> resourceId();

    /**
     * @return how callbacks are authenticated
     */
    @WithDefault("jwt")
    CallbackAuth callbackAuth();

    /**
     * @return the pre-shared secret expected in the callback URI's query, for {@code
     *     callback-auth=query-secret}
     */
    Optional<Secret> callbackSecret();

    /**
     * @return where the callback tokens' signing keys are published
     */
    @WithDefault(
        "https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration")
    URI openidConfigurationUrl();

    /**
     * @return the secret Event Grid deliveries (IncomingCall, the validation handshake) must carry
     *     as the {@code secret} query parameter of the subscription's webhook URL; without it they
     *     are refused
     */
    Optional<Secret> eventGridSecret();
  }

  /** How ACS callbacks are authenticated. */
  enum CallbackAuth {
    /** The bearer JWT every callback carries. */
    JWT,
    /** A pre-shared secret in the callback URI's query. */
    QUERY_SECRET
  }

  /** Microsoft Graph settings. */
  interface Graph {
    /**
     * @return the tenant the app is registered in
     */
    Optional<String> tenantId();

    /**
     * @return the app's (bot's) client id; also the audience of notification tokens
     */
    Optional<String> clientId();

    /**
     * @return the app's client secret
     */
    Optional<Secret> clientSecret();

    /**
     * @return the OAuth2 token endpoint; default the Microsoft identity platform's for the tenant
     */
    Optional<URI> tokenEndpoint();

    /**
     * @return the Graph base URL
     */
    @WithDefault("https://graph.microsoft.com")
    URI baseUrl();

    /**
     * @return {@code v1.0} or {@code beta}
     */
    @WithDefault("v1.0")
    String apiVersion();

    /**
     * @return where the notification tokens' signing keys are published
     */
    @WithDefault("https://api.aps.skype.com/v1/.well-known/OpenIdConfiguration")
    URI openidConfigurationUrl();

    /**
     * @return issuers accepted on notification tokens
     */
    @WithDefault("https://api.botframework.com,https://graph.microsoft.com")
    List<String> issuers();

    /**
     * @return the tenants whose notifications are accepted: default the app's own tenant ({@code
     *     tenant-id}); a multi-tenant bot lists every tenant it serves
     */
    Optional<List<String>> allowedTenants();
  }

  /** The embedded emulator. */
  interface Emulator {
    /**
     * @return the emulator's HTTP port; 0 picks a free one
     */
    @WithDefault("0")
    int port();

    /**
     * @return the seed that makes the emulator's ids and orderings reproducible
     */
    @WithDefault("42")
    long seed();

    /**
     * @return the call the emulator creates at start so a newcomer can transfer at once
     */
    @WithDefault("demo-call")
    String demoCallId();

    /**
     * @return the factor applied to the emulator's simulated durations (ringing, timeouts); below 1
     *     makes it faster
     */
    @WithDefault("1.0")
    double timeScale();

    /**
     * @return the most participants the emulator puts in one page of a participant list; a call
     *     with more answers in pages, each naming the next, as both providers do
     */
    @WithDefault("100")
    int participantPageSize();

    /**
     * @return which provider the service speaks through the embedded emulator: {@code acs} (the
     *     default) or {@code graph}
     */
    @WithDefault("acs")
    EmulatedProvider provider();
  }

  /** The provider the embedded emulator plays. */
  enum EmulatedProvider {
    /** Azure Communication Services Call Automation, through the ACS adapter. */
    ACS,
    /** Microsoft Graph cloud communications, through the Graph adapter. */
    GRAPH
  }

  /** How long providers have to give an operation its final word. */
  interface Deadlines {
    /**
     * @return time for a transfer
     */
    @WithDefault("PT2M")
    Duration transfer();

    /**
     * @return time for an add beyond its invitation timeout
     */
    @WithDefault("PT1M")
    Duration addParticipantGrace();

    /**
     * @return the invitation timeout assumed when an add names none
     */
    @WithDefault("PT60S")
    Duration defaultInvitation();

    /**
     * @return time for a cancellation
     */
    @WithDefault("PT1M")
    Duration cancel();

    /**
     * @return time for a redirect beyond its ring timeout
     */
    @WithDefault("PT1M")
    Duration redirectGrace();

    /**
     * @return the ring timeout assumed when a redirect names none
     */
    @WithDefault("PT60S")
    Duration defaultRing();
  }

  /** Retries of provider requests (where the provider makes them safe). */
  interface Retry {
    /**
     * @return attempts at most, the first included
     */
    @WithDefault("4")
    int maxAttempts();

    /**
     * @return the first backoff
     */
    @WithDefault("PT0.8S")
    Duration baseDelay();

    /**
     * @return the longest backoff
     */
    @WithDefault("PT8S")
    Duration maxDelay();

    /**
     * @return the timeout of one attempt
     */
    @WithDefault("PT10S")
    Duration attemptTimeout();

    /**
     * @return the time all attempts together may take
     */
    @WithDefault("PT30S")
    Duration overallTimeout();
  }

  /** API settings. */
  interface Api {
    /**
     * @return how API callers authenticate
     */
    @WithDefault("api-key")
    AuthMode auth();

    /**
     * @return accepted API keys, for {@code auth=api-key}
     */
    Optional<List<Secret>> keys();

    /**
     * @return how bearer tokens are verified, for {@code auth=jwt}
     */
    Jwt jwt();

    /**
     * @return whether {@code /q/metrics}, {@code /q/openapi} and {@code /q/swagger-ui} take the
     *     API's credentials too (health stays open for probes); off in the dev and test profiles. A
     *     build with the management interface ({@code quarkus.management.enabled=true}) serves them
     *     on a separate port instead.
     */
    @WithDefault("true")
    boolean protectManagement();

    /**
     * @return the largest request body taken, on the API and the callbacks; a larger one is refused
     *     with 413 before it is read (with its Content-Length) or as soon as it is (sent chunked)
     */
    @WithDefault("64K")
    io.quarkus.runtime.configuration.MemorySize maxBodySize();
  }

  /** Verification of API bearer tokens. */
  interface Jwt {
    /**
     * @return where the signing keys are published (a JWKS document)
     */
    Optional<URI> jwksUrl();

    /**
     * @return the required issuer
     */
    Optional<String> issuer();

    /**
     * @return the required audience
     */
    Optional<String> audience();
  }

  /** How API callers authenticate. */
  enum AuthMode {
    /** An API key in the {@code X-API-Key} header. */
    API_KEY,
    /** A bearer JWT, verified as {@code mp.jwt.verify.*} configures. */
    JWT,
    /** No authentication: only for the demo profile. */
    NONE
  }

  /** Periodic sweeps. */
  interface Sweep {
    /**
     * @return how often overdue operations are moved to UNKNOWN
     */
    @WithDefault("5s")
    String interval();

    /**
     * @return how long an operation must stand in REQUESTED before it counts as interrupted
     */
    @WithName("interrupted-after")
    @WithDefault("PT2M")
    Duration interruptedAfter();
  }

  /**
   * How warm handoffs wait for the providers (a step's answer uses {@code
   * sweep.interrupted-after}).
   */
  interface WarmHandoff {
    /**
     * @return how long a handoff waits for the event that settles an accepted step (a prompt
     *     played, an invitation withdrawn, a transfer finished) before it moves on without it
     */
    @WithDefault("PT1M")
    Duration eventGrace();

    /**
     * @return how long beyond a target's ring timeout a handoff waits for a provider that ends the
     *     ringing itself (ACS) before it withdraws the invitation
     */
    @WithDefault("PT15S")
    Duration ringGrace();
  }

  /**
   * @return how callback deliveries are bound to what they may change
   */
  Callbacks callbacks();

  /**
   * @return how the provider is consulted before an operation is left UNKNOWN
   */
  Reconciliation reconciliation();

  /** Binding callback deliveries to operations and calls. */
  interface Callbacks {
    /**
     * @return the key callback URLs are bound with (HMAC-SHA256; at least 16 bytes); every instance
     *     that receives callbacks must hold the same. Default: the PostgreSQL store's shared
     *     secret, or a random one per process with the in-memory store
     */
    Optional<Secret> secret();

    /**
     * @return whether each operation is sent with a callback URL bound to it, whose events are then
     *     accepted only from that URL
     */
    @WithDefault("true")
    boolean bindOperations();

    /**
     * @return whether calls' events must come through a URL bound to their call ({@code GET
     *     /v1/calls/{callId}/callback-uri}); unbound deliveries then announce incoming calls only.
     *     Default: on for Graph (whose transfer and invite events come per call), off otherwise
     */
    Optional<Boolean> requireCallBinding();
  }

  /** Consulting the provider about operations whose final word did not come. */
  interface Reconciliation {
    /**
     * @return whether the provider is asked (where it can be) before an operation is declared
     *     UNKNOWN
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * @return how often the provider is consulted at most while it reports the operation under way
     *     or cannot be reached
     */
    @WithDefault("3")
    int maxChecks();

    /**
     * @return how long to wait before asking again
     */
    @WithDefault("PT30S")
    Duration recheckAfter();
  }
}
