package dev.handoff.app.security;

import dev.handoff.app.config.HandoffConfig;
import dev.handoff.app.config.Secret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The configured API keys, kept only as SHA-256 digests and compared in constant time. A key is
 * identified to logs by its position, never by its value.
 */
@ApplicationScoped
public class ApiKeys {
  private final List<byte[]> digests = new ArrayList<>();

  @Inject
  ApiKeys(HandoffConfig config) {
    for (Secret key : config.api().keys().orElse(List.of())) {
      digests.add(digest(key.reveal()));
    }
  }

  /**
   * @return whether any key is configured
   */
  public boolean any() {
    return !digests.isEmpty();
  }

  /**
   * @param presented a key a caller presented
   * @return the label of the matching configured key ({@code #1}, {@code #2}, ...)
   */
  public Optional<String> identify(String presented) {
    byte[] candidate = digest(presented);
    String match = null;
    for (int i = 0; i < digests.size(); i++) {
      if (MessageDigest.isEqual(digests.get(i), candidate) && match == null) {
        match = "#" + (i + 1);
      }
    }
    return Optional.ofNullable(match);
  }

  // One digest per thread, rather than a provider lookup on every request.
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException impossible) {
              throw new IllegalStateException("every JDK has SHA-256", impossible);
            }
          });

  private static byte[] digest(String value) {
    // digest() resets it for the next use.
    return SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8));
  }
}
