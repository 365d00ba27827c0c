package dev.handoff.app.runtime;

import dev.handoff.adapter.acs.auth.CallbackAuthenticator;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.app.config.Secret;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.emulator.AcsEndpoints;
import dev.handoff.emulator.GraphEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.emulator.control.GraphCall;
import dev.handoff.emulator.control.GraphCallSpec;
import dev.handoff.ports.callback.CallbackBinding;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The emulator as the embedded default provider: started in-process on loopback when {@code
 * handoff.provider=emulator}, with real signed callbacks to this service. It plays the provider
 * {@code handoff.emulator.provider} names: ACS (the default), spoken to through the real ACS
 * adapter, or Microsoft Graph, through the real Graph adapter with the emulator's token endpoint
 * and notification keys. Once this service listens, the emulator's webhooks point here (the Event
 * Grid webhook for ACS, the bot's calling webhook for Graph) and a demo call is created, so that a
 * newcomer can transfer at once.
 */
@ApplicationScoped
public class EmbeddedEmulator {
  private static final Logger LOG = Logger.getLogger(EmbeddedEmulator.class);

  /** The caller on the demo call, as an ACS raw id. */
  public static final String DEMO_CALLER = "4:+14255550100";

  /**
   * The emulated ACS resource's phone number: the caller id of phone invitations that name none
   * (ACS invites a phone number only with a caller id of the resource).
   */
  public static final PhoneNumber RESOURCE_NUMBER = PhoneNumber.of("+18005550100");

  /**
   * A call the emulator created for this service.
   *
   * @param callId its id: the call connection id (ACS) or the call id (Graph)
   * @param serverCallId the ACS server call id; null for Graph
   * @param participants its participants besides the application
   */
  public record EmulatedCall(String callId, String serverCallId, List<Party> participants) {
    /** Copies the list. */
    public EmulatedCall {
      participants = List.copyOf(participants);
    }
  }

  /**
   * One participant of an emulated call besides the application.
   *
   * @param participant the participant in the emulator's notation ({@code 4:+1...}, {@code
   *     user:<id>}, ...)
   * @param callParticipantId its participant id in the call, where the provider has one (Graph)
   */
  public record Party(String participant, String callParticipantId) {}

  private final HandoffConfig config;
  private final CallbackBinding binding;
  private final Secret eventGridSecret;
  private HandoffEmulator emulator;
  private volatile URI serviceBase;

  @Inject
  EmbeddedEmulator(HandoffConfig config, CallbackBinding binding) {
    this.config = config;
    this.binding = binding;
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    this.eventGridSecret =
        Secret.of(Base64.getUrlEncoder().withoutPadding().encodeToString(random));
  }

  /**
   * @return whether the emulator is the configured provider
   */
  public boolean enabled() {
    return config.provider() == HandoffConfig.Provider.EMULATOR;
  }

  /**
   * @return whether the emulator plays Microsoft Graph (else ACS)
   */
  public boolean graph() {
    return config.emulator().provider() == HandoffConfig.EmulatedProvider.GRAPH;
  }

  /**
   * @return the running emulator, started on first use
   * @throws IllegalStateException when the emulator is not the configured provider
   */
  public synchronized HandoffEmulator running() {
    if (!enabled()) {
      throw new IllegalStateException("the emulator is not the configured provider");
    }
    if (emulator == null) {
      emulator =
          HandoffEmulator.builder()
              .bindAddress("127.0.0.1")
              .httpPort(config.emulator().port())
              .seed(config.emulator().seed())
              .timeScale(config.emulator().timeScale())
              .participantPageSize(config.emulator().participantPageSize())
              .build()
              .start();
      LOG.infof(
          "Embedded emulator listening on %s, playing %s",
          emulator.httpBaseUrl(), graph() ? "Microsoft Graph" : "Azure Communication Services");
    }
    return emulator;
  }

  /**
   * @return the connection string of the emulated ACS resource (plain HTTP, loopback)
   */
  public String acsConnectionString() {
    return running().acs().httpConnectionString();
  }

  /**
   * @return the emulated Graph: token endpoint, client credentials, notification keys
   */
  public GraphEndpoints graphEndpoints() {
    return running().graph();
  }

  /**
   * @return this service's callback URI for the emulated provider
   */
  public URI callbackUri() {
    return serviceBase()
        .resolve(
            (graph() ? ProviderWiring.GRAPH_CALLBACKS : ProviderWiring.ACS_CALLBACKS).substring(1));
  }

  /**
   * @return the id of the demo call created at start
   */
  public String demoCallId() {
    return config.emulator().demoCallId();
  }

  /**
   * @return the secret the emulator's Event Grid deliveries carry
   */
  public Secret eventGridSecret() {
    return eventGridSecret;
  }

  /**
   * @param clock the clock
   * @return the verifier of the emulator's ACS callback tokens, with the emulator's published keys
   */
  public CallbackAuthenticator callbackAuthenticator(Clock clock) {
    AcsEndpoints acs = running().acs();
    return JwtCallbackVerifier.builder()
        .audience(acs.resourceId())
        .issuer(acs.callbackIssuer())
        .openIdConfiguration(acs.httpOpenIdConfiguration())
        .clock(clock)
        .build();
  }

  /**
   * @param clock the clock
   * @return the verifier of the emulator's Graph notification tokens, with its published keys
   */
  public GraphNotificationAuthenticator graphAuthenticator(Clock clock) {
    GraphEndpoints graph = graphEndpoints();
    return GraphNotificationAuthenticator.builder(graph.botAppId())
        .openIdConfiguration(graph.httpOpenIdConfiguration())
        .issuers(Set.of(graph.callbackIssuer()))
        .clock(clock)
        .build();
  }

  /**
   * Creates a connected call whose events come to this service through a callback URI bound to the
   * call, as an application that answers a call with {@code GET /v1/calls/{callId}/callback-uri}
   * would: a 1:1 call with the demo caller, or with the given participants (a group call when there
   * are several).
   *
   * @param callId the id it should have, or null for a generated one
   * @param participants the other participants in the emulator's notation, or empty for the demo
   *     caller: ACS raw ids ({@code 4:+14255550100}, {@code 8:acs:...}) or Graph identities ({@code
   *     phone:+14255550100}, {@code user:<id>}, {@code applicationInstance:<id>})
   * @return the call
   * @throws IllegalArgumentException when the id is taken or a participant is not understood
   */
  public EmulatedCall createCall(String callId, List<String> participants) {
    String id = callId == null ? UUID.randomUUID().toString() : callId;
    String callback = binding.callUri(callbackUri(), id).toString();
    if (graph()) {
      List<String> parties =
          participants.isEmpty() ? List.of("phone:" + demoCallerNumber()) : participants;
      GraphCall call =
          running()
              .control()
              .createGraphCall(
                  new GraphCallSpec(callback, parties, parties.size() > 1).withCallId(id));
      return new EmulatedCall(
          call.callId(),
          null,
          call.participants().stream()
              .map(party -> new Party(party.identity(), party.participantId()))
              .collect(Collectors.toList()));
    }
    List<String> parties = participants.isEmpty() ? List.of(DEMO_CALLER) : participants;
    AcsCall call =
        running()
            .control()
            .createAcsCall(new AcsCallSpec(callback, parties, null, null, false, id));
    return new EmulatedCall(
        call.callConnectionId(),
        call.serverCallId(),
        parties.stream().map(party -> new Party(party, null)).collect(Collectors.toList()));
  }

  private static String demoCallerNumber() {
    return DEMO_CALLER.substring("4:".length());
  }

  /**
   * Starts the emulator on a thread of its own as soon as the application starts, so that its keys,
   * certificate and spec are made while Quarkus finishes starting rather than after; whoever needs
   * it first waits for it in {@link #running()}. Nothing is started unless the emulator is the
   * configured provider.
   */
  void onStart(@Observes StartupEvent event) {
    if (!enabled()) {
      return;
    }
    Thread starter =
        new Thread(
            () -> {
              try {
                running();
              } catch (RuntimeException e) {
                // Whoever needs the emulator next starts it again and sees the failure.
                LOG.debug("The embedded emulator did not start in the background", e);
              }
            },
            "handoff-emulator-start");
    starter.setDaemon(true);
    starter.start();
  }

  // Quarkus fires HttpServerStart asynchronously.
  void onHttpStart(@ObservesAsync HttpServerStart started) {
    if (!enabled()) {
      return;
    }
    int port = started.options().getPort();
    if (port <= 0) {
      port = ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class);
    }
    serviceBase = URI.create("http://127.0.0.1:" + port + "/");
    if (graph()) {
      running().control().graphBotWebhook(callbackUri().toString());
    } else {
      running().control().eventGridWebhook(callbackUri() + "?secret=" + eventGridSecret.reveal());
    }
    EmulatedCall demo = createCall(config.emulator().demoCallId(), List.of());
    LOG.infof(
        "Embedded emulator ready: demo call '%s'; try POST /v1/calls/%s/transfers",
        demo.callId(), demo.callId());
  }

  private URI serviceBase() {
    URI base = serviceBase;
    if (base == null) {
      throw new IllegalStateException("the service is not listening yet");
    }
    return base;
  }

  synchronized void onStop(@Observes ShutdownEvent event) {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }
}
