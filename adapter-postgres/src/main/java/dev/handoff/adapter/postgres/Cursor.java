package dev.handoff.adapter.postgres;

import dev.handoff.domain.operation.OperationId;
import dev.handoff.ports.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * A page cursor: the position of the last operation shown in the newest-first order, {@code
 * (created_at, id)}, so that paging is stable while operations are added. Opaque to clients:
 * base64url of {@code p1:<created_at in epoch microseconds>:<id>}.
 *
 * @param createdAt the creation time as the column holds it, to the microsecond
 * @param id the operation id
 */
record Cursor(Instant createdAt, String id) {
  private static final String PREFIX = "p1:";

  static Cursor after(Instant createdAt, OperationId id) {
    return new Cursor(createdAt.truncatedTo(ChronoUnit.MICROS), id.value());
  }

  String encode() {
    long micros =
        Math.addExact(
            Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
            createdAt.getNano() / 1_000L);
    String position = PREFIX + micros + ":" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(position.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param cursor a cursor from {@link #encode()}
   * @return its position
   * @throws InvalidCursorException when the cursor is not one this store issued
   */
  static Cursor decode(String cursor) {
    try {
      String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!position.startsWith(PREFIX)) {
        throw new IllegalArgumentException("unknown cursor form");
      }
      String[] parts = position.substring(PREFIX.length()).split(":", 2);
      long micros = Long.parseLong(parts[0]);
      Instant createdAt =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
      return new Cursor(createdAt, OperationId.of(parts[1]).value());
    } catch (RuntimeException malformed) {
      throw new InvalidCursorException(malformed.getMessage(), malformed);
    }
  }
}
