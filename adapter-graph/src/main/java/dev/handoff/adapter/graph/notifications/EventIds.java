package dev.handoff.adapter.graph.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;

/**
 * Event ids for notifications, which carry none: {@code graph:} and the SHA-256 of the item's
 * canonical JSON (members sorted by name at every level, no white space; strings JSON-quoted: the
 * quote and the backslash escaped, control characters as JSON's four-hex-digit escapes in lower
 * case; numbers and truth values as their text). A redelivered item gets the same id however its
 * members are ordered or spaced, so the operation it concerns records it once; any other content
 * gets another id, with SHA-256's collision resistance. The derivation has not changed since the
 * first release, so a notification redelivered across an upgrade is still recognised.
 *
 * <p>Where the time goes: writing the canonical form, not hashing it (SHA-256 of a 1.7 KB item is
 * about 3 % of parsing it on JDK 17); hence the hand-written writer over a reused buffer.
 */
final class EventIds {
  static final String PREFIX = "graph:";

  private EventIds() {}

  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JDK provides SHA-256", e);
            }
          });

  /** Reused per thread: the canonical form of an item is a few hundred bytes to a few KB. */
  private static final ThreadLocal<StringBuilder> BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(1024));

  static String of(JsonNode item) {
    StringBuilder canonical = BUFFER.get();
    canonical.setLength(0);
    write(item, canonical);
    byte[] digest = SHA_256.get().digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    if (canonical.capacity() > MAX_KEPT) {
      BUFFER.remove(); // an unusually large item: do not keep its buffer for the thread's life
    }
    return PREFIX + HEX.formatHex(digest);
  }

  private static final int MAX_KEPT = 64 * 1024;
  private static final HexFormat HEX = HexFormat.of();

  /**
   * Writes the node with object members in name order; strings JSON-quoted, numbers and booleans as
   * their text. Written by hand, a string at a time: rendering each scalar through Jackson's
   * serializer, or appending character by character, cost more than the rest of parsing a
   * notification.
   */
  static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      int size = node.size();
      @SuppressWarnings("unchecked")
      Map.Entry<String, JsonNode>[] members = new Map.Entry[size];
      int n = 0;
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        members[n++] = member;
      }
      if (size > 1) {
        Arrays.sort(members, BY_NAME);
      }
      out.append('{');
      for (int i = 0; i < size; i++) {
        if (i > 0) {
          out.append(',');
        }
        quote(members[i].getKey(), out);
        out.append(':');
        write(members[i].getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      quote(node.textValue(), out);
    } else if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else {
      out.append(node.asText());
    }
  }

  private static final Comparator<Map.Entry<String, JsonNode>> BY_NAME = Map.Entry.comparingByKey();

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    int plain = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        out.append(text, plain, i);
        if (c < 0x20) {
          out.append("\\u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xf]);
        } else {
          out.append('\\').append(c);
        }
        plain = i + 1;
      }
    }
    out.append(text, plain, text.length());
    out.append('"');
  }

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
}
