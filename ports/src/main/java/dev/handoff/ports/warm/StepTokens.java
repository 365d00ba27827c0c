package dev.handoff.ports.warm;

import dev.handoff.domain.operation.HandoffStep;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.SubmissionToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity of one step towards the provider: the correlation string its events echo, and its
 * submission token. Both are derived from what the store keeps (the operation's token, the step's
 * number and the date it was recorded), so a step sent again after a restart carries exactly the
 * same ones, and a provider with repeatable requests executes it once.
 */
public final class StepTokens {
  private static final Pattern CORRELATION =
      Pattern.compile("([A-Za-z0-9._~-]{1,64})#([0-9]{1,4})");

  private StepTokens() {}

  /**
   * @param operation the handoff's id
   * @param step the step's number
   * @return the correlation its events echo, e.g. {@code 7d02bd13-…#3}
   */
  public static String correlation(OperationId operation, int step) {
    return operation.value() + "#" + step;
  }

  /**
   * A step a correlation names.
   *
   * @param operation the handoff's id
   * @param step the step's number
   */
  public record StepRef(OperationId operation, int step) {}

  /**
   * @param correlation an echoed correlation
   * @return the step it names, when it has the form of a step correlation
   */
  public static Optional<StepRef> parse(String correlation) {
    Matcher m = CORRELATION.matcher(correlation);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new StepRef(OperationId.of(m.group(1)), Integer.parseInt(m.group(2))));
  }

  /**
   * @param operation the handoff
   * @param step one of its steps
   * @return the step's submission token: a version 4 UUID derived from the operation's token and
   *     the step's number, first sent when the step was recorded
   */
  public static SubmissionToken token(Operation operation, HandoffStep step) {
    byte[] digest;
    try {
      digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (operation.submission().requestId() + "#" + step.number())
                      .getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    digest[6] = (byte) ((digest[6] & 0x0f) | 0x40);
    digest[8] = (byte) ((digest[8] & 0x3f) | 0x80);
    ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
    return new SubmissionToken(new UUID(bytes.getLong(), bytes.getLong()), step.requestedAt());
  }
}
