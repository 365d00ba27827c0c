package dev.handoff.ports.client;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What to answer a callback delivery with, for HTTP servers that want no exception: 200 (with the
 * handshake's reply, if any) when it was applied, else the rejection's status and message.
 *
 * @param status the HTTP status
 * @param body the body to send; empty for none
 */
public record CallbackAnswer(int status, String body) {
  /** Validates the parts. */
  public CallbackAnswer {
    Objects.requireNonNull(body, "body");
  }

  /**
   * @return the body as UTF-8 bytes
   */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
