package dev.handoff.emulator.control;

import java.util.Objects;

/**
 * An incoming Graph call to the bot, announced by a {@code created} notification with state {@code
 * incoming}.
 *
 * @param callbackUri the bot webhook to notify; {@code null} for the configured one
 * @param source the caller as {@code kind:id} ({@code phone:+1...}, {@code user:<id>})
 * @param target the called bot identity as {@code kind:id} ({@code applicationInstance:<id>} or
 *     {@code application:<app id>}); {@code null} for the bot's app id
 */
public record GraphIncomingCallSpec(String callbackUri, String source, String target) {

  /** Validates. */
  public GraphIncomingCallSpec {
    Objects.requireNonNull(source, "source");
  }
}
