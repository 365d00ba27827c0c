package dev.handoff.app.runtime;

import dev.handoff.adapter.acs.auth.CallbackAuthenticator;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.app.config.HandoffConfig;
import dev.handoff.app.config.Secret;
import dev.handoff.emulator.AcsEndpoints;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.control.AcsCall;
import dev.handoff.emulator.control.AcsCallSpec;
import dev.handoff.ports.callback.CallbackBinding;
import io.quarkus.runtime.ShutdownEvent;
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
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The emulator as the embedded default provider: started in-process on loopback when {@code
 * handoff.provider=emulator}, spoken to through the real ACS adapter over HTTP, with real signed
 * callbacks to this service. Once this service listens, the emulator's Event Grid webhook points
 * here and a demo call is created, so that a newcomer can transfer at once.
 */
@ApplicationScoped
public class EmbeddedEmulator {
  private static final Logger LOG = Logger.getLogger(EmbeddedEmulator.class);

  /** The caller on the demo call. */
  public static final String DEMO_CALLER = "4:+14255550100";

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
              .build()
              .start();
      LOG.infof("Embedded emulator listening on %s", emulator.httpBaseUrl());
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
   * @return this service's ACS callback URI
   */
  public URI callbackUri() {
    return serviceBase().resolve("callbacks/acs");
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
   * @return the verifier of the emulator's callback tokens, with the emulator's published keys
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
   * Creates a connected 1:1 call whose events come to this service, through a callback URI bound to
   * the call, as an application that answers a call with {@code GET
   * /v1/calls/{callId}/callback-uri} would.
   *
   * @param callConnectionId the id it should have, or null for a generated one
   * @return the call
   */
  public AcsCall createCall(String callConnectionId) {
    String id = callConnectionId == null ? UUID.randomUUID().toString() : callConnectionId;
    AcsCallSpec spec =
        new AcsCallSpec(
            binding.callUri(callbackUri(), id).toString(),
            List.of(DEMO_CALLER),
            null,
            null,
            false,
            id);
    return running().control().createAcsCall(spec);
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
    running().control().eventGridWebhook(callbackUri() + "?secret=" + eventGridSecret.reveal());
    AcsCall demo = createCall(config.emulator().demoCallId());
    LOG.infof(
        "Embedded emulator ready: demo call '%s'; try POST /v1/calls/%s/transfers",
        demo.callConnectionId(), demo.callConnectionId());
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
