package dev.handoff.adapter.graph;

import dev.handoff.adapter.graph.auth.CallbackAuthenticationException;
import dev.handoff.adapter.graph.auth.GraphNotificationAuthenticator;
import dev.handoff.adapter.graph.notifications.GraphNotificationParser;
import dev.handoff.adapter.graph.notifications.MalformedNotificationException;
import dev.handoff.ports.client.CallbackContent;
import dev.handoff.ports.client.CallbackDelivery;
import dev.handoff.ports.client.CallbackReader;
import dev.handoff.ports.client.CallbackRejectedException;
import dev.handoff.ports.client.CallbackRejectedException.Reason;
import java.net.URI;
import java.util.Objects;

/**
 * Graph notifications read for a {@link dev.handoff.ports.client.HandoffClient}: each delivery's
 * bearer token is verified by {@link GraphNotificationAuthenticator}, then its {@code
 * commsNotifications} body parsed by {@link GraphNotificationParser}.
 */
public final class GraphNotifications implements CallbackReader {
  private final GraphNotificationAuthenticator authenticator;
  private final GraphNotificationParser parser;

  private GraphNotifications(
      GraphNotificationAuthenticator authenticator, GraphNotificationParser parser) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * @param appId the bot's application id: the audience of its notification tokens
   * @return the reader of the bot's notifications, verified against Microsoft's published keys
   */
  public static GraphNotifications forBot(String appId) {
    return from(GraphNotificationAuthenticator.builder(appId).build());
  }

  /**
   * @param appId the bot's application id: the audience of its notification tokens
   * @param openIdConfiguration where the signing keys are published instead of Microsoft's: an
   *     emulator's
   * @return the reader of the bot's notifications
   */
  public static GraphNotifications forBot(String appId, URI openIdConfiguration) {
    return from(
        GraphNotificationAuthenticator.builder(appId)
            .openIdConfiguration(openIdConfiguration)
            .build());
  }

  /**
   * @param authenticator verifies the notifications' tokens
   * @return the reader, parsing with the default {@link GraphNotificationParser}
   */
  public static GraphNotifications from(GraphNotificationAuthenticator authenticator) {
    return new GraphNotifications(authenticator, GraphNotificationParser.builder().build());
  }

  /**
   * @param authenticator verifies the notifications' tokens
   * @param parser reads the notifications (e.g. for another cloud, or with a clock of your own)
   * @return the reader
   */
  public static GraphNotifications from(
      GraphNotificationAuthenticator authenticator, GraphNotificationParser parser) {
    return new GraphNotifications(authenticator, parser);
  }

  @Override
  public CallbackContent read(CallbackDelivery delivery) {
    try {
      authenticator.verify(delivery.header("Authorization").orElse(null));
    } catch (CallbackAuthenticationException refused) {
      Reason reason =
          refused.reason() == CallbackAuthenticationException.Reason.KEYS_UNAVAILABLE
              ? Reason.KEYS_UNAVAILABLE
              : Reason.UNAUTHENTICATED;
      throw new CallbackRejectedException(reason, refused.getMessage(), refused);
    }
    try {
      return CallbackContent.events(parser.parse(delivery.body()));
    } catch (MalformedNotificationException malformed) {
      throw new CallbackRejectedException(Reason.MALFORMED, malformed.getMessage(), malformed);
    }
  }
}
