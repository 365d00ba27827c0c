package dev.handoff.adapter.graph.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Event ids for notifications, which carry none: {@code graph:} and the SHA-256 of the item's
 * canonical JSON (members sorted by name at every level, no white space). A redelivered item gets
 * the same id, so the operation it concerns records it once.
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

  static String of(JsonNode item) {
    StringBuilder canonical = new StringBuilder(512);
    write(item, canonical);
    byte[] digest = SHA_256.get().digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
    return PREFIX + HexFormat.of().formatHex(digest);
  }

  /**
   * Writes the node with object members in name order; strings JSON-quoted, numbers and booleans as
   * their text. Written by hand: rendering each scalar through Jackson's serializer cost more than
   * the rest of parsing a notification.
   */
  static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        quote(names.get(i), out);
        out.append(':');
        write(node.get(names.get(i)), out);
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

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }
}
