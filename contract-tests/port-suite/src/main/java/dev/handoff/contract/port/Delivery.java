package dev.handoff.contract.port;

import java.util.Map;
import java.util.Objects;

/**
 * One callback or notification the provider delivered to the application, as received.
 *
 * @param headers the request headers, by name
 * @param body the request body
 */
public record Delivery(Map<String, String> headers, String body) {

  /** Validates and copies. */
  public Delivery {
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    Objects.requireNonNull(body, "body");
  }
}
