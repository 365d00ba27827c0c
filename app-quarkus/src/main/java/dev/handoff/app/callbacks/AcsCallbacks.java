package dev.handoff.app.callbacks;

import dev.handoff.adapter.acs.auth.CallbackAuthenticationException;
import dev.handoff.adapter.acs.auth.CallbackAuthenticator;
import dev.handoff.adapter.acs.auth.CallbackRequest;
import dev.handoff.adapter.acs.auth.QuerySecretVerifier;
import dev.handoff.adapter.acs.events.AcsDelivery;
import dev.handoff.adapter.acs.events.AcsEventParser;
import dev.handoff.adapter.acs.events.MalformedEventException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * How ACS deliveries are authenticated and read: mid-call callbacks by their JWT (or a query
 * secret), Event Grid deliveries (IncomingCall, the validation handshake) by the Event Grid secret
 * in the webhook URL.
 */
public final class AcsCallbacks {
  /** The query parameter that carries the Event Grid secret. */
  public static final String EVENT_GRID_SECRET_PARAMETER = "secret";

  private final CallbackAuthenticator midCall;
  private final Optional<QuerySecretVerifier> eventGrid;
  private final AcsEventParser parser;
  private final String midCallProof;

  /**
   * @param midCall authenticates mid-call callbacks
   * @param eventGrid authenticates Event Grid deliveries; absent refuses them
   * @param parser reads deliveries
   */
  public AcsCallbacks(
      CallbackAuthenticator midCall,
      Optional<QuerySecretVerifier> eventGrid,
      AcsEventParser parser) {
    this.midCall = midCall;
    this.eventGrid = eventGrid;
    this.parser = parser;
    this.midCallProof = DeliveryProof.of(midCall);
  }

  /**
   * Authenticates and reads one delivery.
   *
   * @param authorization the Authorization header
   * @param eventGridType the {@code aeg-event-type} header, present on Event Grid deliveries
   * @param uri the request URI, query included
   * @param body the body
   * @return the delivery
   * @throws CallbackRefused when it is not authentic or not readable
   */
  public AcsDelivery read(String authorization, String eventGridType, URI uri, String body) {
    CallbackRequest request = CallbackRequest.of(authorization, uri);
    try {
      if (eventGridType != null) {
        eventGrid
            .orElseThrow(
                () ->
                    new CallbackRefused(
                        401,
                        "event-grid-not-configured",
                        "Event Grid deliveries need handoff.acs.event-grid-secret, passed as the"
                            + " 'secret' query parameter of the subscription's webhook URL"))
            .authenticate(request);
      } else {
        midCall.authenticate(request);
      }
    } catch (CallbackAuthenticationException refused) {
      // Keys we cannot load are our trouble, not the sender's: 503 makes the provider retry.
      int status =
          refused.reason() == CallbackAuthenticationException.Reason.KEYS_UNAVAILABLE ? 503 : 401;
      throw new CallbackRefused(
          status, refused.reason().name().toLowerCase(Locale.ROOT), refused.getMessage());
    }
    try {
      AcsDelivery delivery = parser.parse(body);
      if (eventGridType == null && delivery instanceof AcsDelivery.Events) {
        return new AcsDelivery.Events(
            DeliveryProof.mark(((AcsDelivery.Events) delivery).events(), midCallProof));
      }
      return delivery;
    } catch (MalformedEventException malformed) {
      throw new CallbackRefused(400, "malformed", malformed.getMessage());
    }
  }
}
