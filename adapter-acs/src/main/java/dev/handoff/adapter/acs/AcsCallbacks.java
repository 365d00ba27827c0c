package dev.handoff.adapter.acs;

import dev.handoff.adapter.acs.auth.CallbackAuthenticationException;
import dev.handoff.adapter.acs.auth.CallbackAuthenticator;
import dev.handoff.adapter.acs.auth.CallbackRequest;
import dev.handoff.adapter.acs.auth.JwtCallbackVerifier;
import dev.handoff.adapter.acs.events.AcsDelivery;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.adapter.acs.events.MalformedEventException;
import dev.handoff.ports.client.CallbackContent;
import dev.handoff.ports.client.CallbackDelivery;
import dev.handoff.ports.client.CallbackReader;
import dev.handoff.ports.client.CallbackRejectedException;
import dev.handoff.ports.client.CallbackRejectedException.Reason;
import java.net.URI;
import java.util.Objects;

/**
 * ACS callbacks read for a {@link dev.handoff.ports.client.HandoffClient}: each delivery is
 * authenticated by the given authenticator ({@link
 * dev.handoff.adapter.acs.auth.JwtCallbackVerifier} for Call Automation's signed callbacks, {@link
 * dev.handoff.adapter.acs.auth.QuerySecretVerifier} for a secret in the URL), then parsed by {@link
 * AcsEventParser}. Event Grid's subscription validation is answered as a handshake.
 */
public final class AcsCallbacks implements CallbackReader {
  private static final URI NO_URI = URI.create("/");

  private final CallbackAuthenticator authenticator;
  private final AcsEventParser parser;

  private AcsCallbacks(CallbackAuthenticator authenticator, AcsEventParser parser) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * @param resourceId the ACS resource's immutable id: the audience of its callback tokens
   * @return the reader of Call Automation callbacks, verified by their signed token against ACS's
   *     published keys
   */
  public static AcsCallbacks forResource(String resourceId) {
    return from(JwtCallbackVerifier.builder().audience(resourceId).build());
  }

  /**
   * @param resourceId the ACS resource's immutable id: the audience of its callback tokens
   * @param openIdConfiguration where the signing keys are published instead of ACS's own: an
   *     emulator's
   * @return the reader of Call Automation callbacks, verified by their signed token
   */
  public static AcsCallbacks forResource(String resourceId, URI openIdConfiguration) {
    return from(
        JwtCallbackVerifier.builder()
            .audience(resourceId)
            .openIdConfiguration(openIdConfiguration)
            .build());
  }

  /**
   * @param authenticator proves a delivery comes from ACS
   * @return the reader, parsing with {@link AcsEventParser#create()}
   */
  public static AcsCallbacks from(CallbackAuthenticator authenticator) {
    return new AcsCallbacks(authenticator, AcsEventParser.create());
  }

  /**
   * @param authenticator proves a delivery comes from ACS
   * @param parser reads the deliveries (e.g. with a clock of your own)
   * @return the reader
   */
  public static AcsCallbacks from(CallbackAuthenticator authenticator, AcsEventParser parser) {
    return new AcsCallbacks(authenticator, parser);
  }

  @Override
  public CallbackContent read(CallbackDelivery delivery) {
    CallbackRequest request =
        CallbackRequest.of(
            delivery.header("Authorization").orElse(null), delivery.uri().orElse(NO_URI));
    try {
      authenticator.authenticate(request);
    } catch (CallbackAuthenticationException refused) {
      Reason reason =
          refused.reason() == CallbackAuthenticationException.Reason.KEYS_UNAVAILABLE
              ? Reason.KEYS_UNAVAILABLE
              : Reason.UNAUTHENTICATED;
      throw new CallbackRejectedException(reason, refused.getMessage(), refused);
    }
    try {
      AcsDelivery parsed = parser.parse(delivery.body());
      if (parsed instanceof AcsDelivery.SubscriptionValidation) {
        return CallbackContent.handshake(
            ((AcsDelivery.SubscriptionValidation) parsed).responseBody());
      }
      return CallbackContent.events(((AcsDelivery.Events) parsed).events());
    } catch (MalformedEventException malformed) {
      throw new CallbackRejectedException(Reason.MALFORMED, malformed.getMessage(), malformed);
    }
  }
}
