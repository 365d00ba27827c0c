package dev.handoff.app.callbacks;

import dev.handoff.adapter.graph.auth.CallbackAuthenticationException;
import dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator;
import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.adapter.graph.notifications.MalformedNotificationException;
import dev.handoff.domain.event.ProviderEvent;
import java.util.List;
import java.util.Locale;

/** How Graph notifications are authenticated (their bearer JWT) and read. */
public final class GraphCallbacks {
  private final GraphNotificationAuthenticator authenticator;
  private final GraphNotificationParser parser;

  /**
   * @param authenticator verifies the notification tokens
   * @param parser reads notifications
   */
  public GraphCallbacks(
      GraphNotificationAuthenticator authenticator, GraphNotificationParser parser) {
    this.authenticator = authenticator;
    this.parser = parser;
  }

  /**
   * @param authorization the Authorization header
   * @param body the commsNotifications body
   * @return the events
   * @throws CallbackRefused when the delivery is not authentic or not readable
   */
  public List<ProviderEvent> read(String authorization, String body) {
    try {
      authenticator.verify(authorization);
    } catch (CallbackAuthenticationException refused) {
      int status =
          refused.reason() == CallbackAuthenticationException.Reason.KEYS_UNAVAILABLE ? 503 : 401;
      throw new CallbackRefused(
          status, refused.reason().name().toLowerCase(Locale.ROOT), refused.getMessage());
    }
    try {
      return DeliveryProof.mark(parser.parse(body), DeliveryProof.JWT);
    } catch (MalformedNotificationException malformed) {
      throw new CallbackRefused(400, "malformed", malformed.getMessage());
    }
  }
}
