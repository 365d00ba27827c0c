package dev.handoff.adapter.graph.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Event ids for notifications, which carry none: {@code graph:} and the SHA-256 of the item's
 * canonical JSON (members sorted by name at every level, no white space; strings JSON-quoted: the
 * quote and the backslash escaped, control characters as JSON's four-hex-digit escapes in lower
 * case; numbers and truth values as their text). A redelivered item gets the same id however its
 * members are ordered or spaced, so the operation it concerns records it once; any other content
 * gets another id, with SHA-256's collision resistance. The derivation has not changed since the
 * first release, so a notification redelivered across an upgrade is still recognised.
 *
 * <p>Where the time goes: writing the canonical form, not hashing it (SHA-256 of a 1.7 KB item is a
 * few per cent of parsing it on JDK 17); hence the canonical bytes are written by hand, straight as
 * UTF-8 into a reused buffer that the digest reads.
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
  private static final ThreadLocal<Canonical> BUFFER = ThreadLocal.withInitial(Canonical::new);

  private static final int MAX_KEPT = 64 * 1024;
  private static final HexFormat HEX = HexFormat.of();

  /**
   * @param item an item of a batch
   * @return its id
   */
  static String of(JsonValue item) {
    Canonical canonical = BUFFER.get();
    canonical.length = 0;
    canonical.write(item);
    MessageDigest sha256 = SHA_256.get();
    sha256.update(canonical.bytes, 0, canonical.length);
    byte[] digest = sha256.digest();
    if (canonical.bytes.length > MAX_KEPT) {
      BUFFER.remove(); // an unusually large item: do not keep its buffer for the thread's life
    }
    return PREFIX + HEX.formatHex(digest);
  }

  /**
   * @param item an item as Jackson's tree
   * @return its id: the same as for the item read by the parser
   */
  static String of(JsonNode item) {
    return of(JsonValue.of(item));
  }

  /**
   * The canonical form's UTF-8 bytes, written straight into one growing array: members in name
   * order, strings JSON-quoted, numbers and truth values as their text. The bytes are those of
   * {@code String.getBytes(UTF_8)} of the canonical text that earlier releases built (a lone
   * surrogate becomes {@code ?}), so the ids are unchanged.
   */
  private static final class Canonical {
    private byte[] bytes = new byte[2048];
    private int length;

    /** Positions of an object's members, sorted by name; one array per nesting depth. */
    private int[][] orders = new int[8][];

    private int depth;

    void write(JsonValue value) {
      if (value instanceof JsonValue.Members) {
        object((JsonValue.Members) value);
      } else if (value instanceof JsonValue.Elements) {
        JsonValue.Elements array = (JsonValue.Elements) value;
        ascii('[');
        for (int i = 0; i < array.size(); i++) {
          if (i > 0) {
            ascii(',');
          }
          write(array.get(i));
        }
        ascii(']');
      } else {
        JsonValue.Scalar scalar = (JsonValue.Scalar) value;
        if (scalar.isString()) {
          quote(scalar.text());
        } else {
          plain(scalar.text());
        }
      }
    }

    private void object(JsonValue.Members object) {
      int size = object.size();
      int[] order = order(size);
      for (int i = 0; i < size; i++) {
        // Insertion sort: objects are small and often already in order.
        String name = object.name(i);
        int j = i - 1;
        while (j >= 0 && object.name(order[j]).compareTo(name) > 0) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = i;
      }
      depth++;
      ascii('{');
      for (int i = 0; i < size; i++) {
        if (i > 0) {
          ascii(',');
        }
        quote(object.name(order[i]));
        ascii(':');
        write(object.value(order[i]));
      }
      ascii('}');
      depth--;
    }

    private int[] order(int size) {
      if (depth == orders.length) {
        orders = Arrays.copyOf(orders, depth * 2);
      }
      int[] order = orders[depth];
      if (order == null || order.length < size) {
        order = new int[Math.max(size, 16)];
        orders[depth] = order;
      }
      return order;
    }

    private void ascii(char c) {
      ensure(1);
      bytes[length++] = (byte) c;
    }

    private void plain(String text) {
      ensure(text.length());
      for (int i = 0; i < text.length(); i++) {
        bytes[length++] = (byte) text.charAt(i);
      }
    }

    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): see below
    private void quote(String text) {
      int n = text.length();
      ensure(n * 6 + 2); // the most a character takes: a six-character escape
      byte[] out = bytes;
      int at = length;
      out[at++] = '"';
      int plain = 0;
      while (plain < n && isPlain(text.charAt(plain))) {
        plain++;
      }
      // Printable ASCII needs no escape and is its own UTF-8: copied in bulk (the deprecated
      // method copies each character's low byte, exactly right for these characters).
      text.getBytes(0, plain, out, at);
      at += plain;
      for (int i = plain; i < n; i++) {
        char c = text.charAt(i);
        if (c < 0x80) {
          if (c == '"' || c == '\\') {
            out[at++] = '\\';
            out[at++] = (byte) c;
          } else if (c < 0x20) {
            out[at++] = '\\';
            out[at++] = 'u';
            out[at++] = '0';
            out[at++] = '0';
            out[at++] = HEX_DIGITS[c >> 4];
            out[at++] = HEX_DIGITS[c & 0xf];
          } else {
            out[at++] = (byte) c;
          }
        } else if (c < 0x800) {
          out[at++] = (byte) (0xc0 | (c >> 6));
          out[at++] = (byte) (0x80 | (c & 0x3f));
        } else if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, text.charAt(++i));
          out[at++] = (byte) (0xf0 | (cp >> 18));
          out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          out[at++] = (byte) (0x80 | (cp & 0x3f));
        } else if (Character.isSurrogate(c)) {
          out[at++] = '?'; // what String.getBytes(UTF_8) writes for a lone surrogate
        } else {
          out[at++] = (byte) (0xe0 | (c >> 12));
          out[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
          out[at++] = (byte) (0x80 | (c & 0x3f));
        }
      }
      out[at++] = '"';
      length = at;
    }

    private static boolean isPlain(char c) {
      return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      }
    }
  }

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
}
