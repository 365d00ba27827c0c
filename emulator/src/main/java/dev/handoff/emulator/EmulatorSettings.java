package dev.handoff.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything the emulator is configured with; built by {@link HandoffEmulator.Builder}, where each
 * setting is documented.
 *
 * @param bindAddress the address both listeners bind
 * @param advertisedHost the host put into the URLs the emulator reports
 * @param httpPort the plain HTTP port (0 = any free port)
 * @param httpsPort the HTTPS port (0 = any free port)
 * @param seed the seed of every generated id
 * @param acsResourceId the ACS resource's immutable id: audience of ACS callback tokens
 * @param acsAccessKey the ACS access key (base64) that HMAC signatures are checked with
 * @param graphTenantId the Entra tenant of the Graph bot
 * @param graphClientId the client (app) id the token endpoint accepts
 * @param graphClientSecret the client secret the token endpoint accepts
 * @param graphBotAppId the bot's app id: audience of Graph callback tokens
 * @param graphRoles the application permissions put into issued tokens
 * @param graphBotWebhook the bot's registered calling webhook (Graph incoming calls), or null
 * @param eventGridWebhook the Event Grid subscription endpoint for ACS IncomingCall, or null
 * @param timeScale the factor applied to every simulated duration (ring time, invitation timeouts,
 *     callback backoff); 0.01 makes a 30 s invitation timeout last 300 ms
 * @param ringTime how long a target rings before the scripted outcome happens
 * @param defaultInvitationTimeout the ring limit when a request names none
 * @param graphIncomingCallTimeout how long a Graph incoming call can still be redirected (not
 *     scaled)
 * @param callbackTimeout the request timeout of one callback delivery attempt (not scaled)
 * @param callbackMaxAttempts the most delivery attempts per callback
 * @param callbackInitialBackoff the delay before the second attempt (doubles after each)
 * @param callbackMaxBackoff the longest delay between attempts
 * @param callbackTrustAll whether callbacks over https trust any certificate (loopback testing)
 * @param maxHold the longest a "no response" fault keeps a request unanswered (not scaled)
 * @param hmacClockSkew how far an HMAC request's date may be from the emulator's clock
 * @param graphSubCodeCamelCase emit {@code subCode} instead of {@code subcode} in Graph
 *     notifications' resultInfo (some doc examples do)
 * @param participantPageSize the most participants one page of a participant list holds (ACS and
 *     Graph); a longer list links its next page
 * @param tlsKeyStore a PKCS12 key store with the HTTPS key and certificate, or null to generate
 * @param tlsKeyStorePassword the key store's password, or null
 * @param tlsHostnames extra host names / IPs for the generated certificate
 * @param clock the clock of timestamps and token lifetimes
 */
public record EmulatorSettings(
    String bindAddress,
    String advertisedHost,
    int httpPort,
    int httpsPort,
    long seed,
    String acsResourceId,
    String acsAccessKey,
    String graphTenantId,
    String graphClientId,
    String graphClientSecret,
    String graphBotAppId,
    List<String> graphRoles,
    String graphBotWebhook,
    String eventGridWebhook,
    double timeScale,
    Duration ringTime,
    Duration defaultInvitationTimeout,
    Duration graphIncomingCallTimeout,
    Duration callbackTimeout,
    int callbackMaxAttempts,
    Duration callbackInitialBackoff,
    Duration callbackMaxBackoff,
    boolean callbackTrustAll,
    Duration maxHold,
    Duration hmacClockSkew,
    boolean graphSubCodeCamelCase,
    int participantPageSize,
    Path tlsKeyStore,
    String tlsKeyStorePassword,
    List<String> tlsHostnames,
    Clock clock) {

  /** Copies the lists. */
  public EmulatorSettings {
    graphRoles = List.copyOf(graphRoles);
    tlsHostnames = List.copyOf(tlsHostnames);
  }

  /** A simulated duration after applying {@link #timeScale()}. */
  public Duration scaled(Duration simulated) {
    return Duration.ofNanos(Math.round(simulated.toNanos() * timeScale));
  }
}
