package dev.handoff.adapter.graph.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Event ids for notifications, which carry none: {@code graph:} and the SHA-256 of the item's
 * canonical JSON (members sorted by name at every level, no white space; strings JSON-quoted: the
 * quote and the backslash escaped, control characters as JSON's four-hex-digit escapes in lower
 * case; numbers and truth values as their text). A redelivered item gets the same id however its
 * members are ordered or spaced, so the operation it concerns records it once; any other content
 * gets another id, with SHA-256's collision resistance. The derivation has not changed since the
 * first release, so a notification redelivered across an upgrade is still recognised.
 *
 * <p>The canonical bytes are written by hand, straight as UTF-8 into a reused buffer that the
 * digest reads ({@link CanonicalJson}), from the tree. {@link BodyScanner} hashes an item as
 * received, its objects put in name order, when that is its canonical form.
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
  private static final ThreadLocal<TreeWriter> BUFFER = ThreadLocal.withInitial(TreeWriter::new);

  private static final int MAX_KEPT = 64 * 1024;

  /**
   * @param item an item of a batch
   * @return its id: the one {@link BodyScanner} derived while reading it, or derived now
   */
  static String of(JsonValue item) {
    if (item instanceof JsonValue.Members && ((JsonValue.Members) item).contentId() != null) {
      return ((JsonValue.Members) item).contentId();
    }
    TreeWriter writer = BUFFER.get();
    writer.out.length = 0;
    writer.write(item);
    String id = of(writer.out);
    if (writer.out.bytes.length > MAX_KEPT) {
      BUFFER.remove(); // an unusually large item: do not keep its buffer for the thread's life
    }
    return id;
  }

  /**
   * @param item an item as Jackson's tree
   * @return its id: the same as for the item read by the parser
   */
  static String of(JsonNode item) {
    return of(JsonValue.of(item));
  }

  /**
   * @param canonical an item's canonical bytes
   * @return its id
   */
  static String of(CanonicalJson canonical) {
    return of(canonical.bytes, 0, canonical.length);
  }

  /**
   * @param bytes holds an item's canonical bytes
   * @param from where they start
   * @param to where they end
   * @return its id
   */
  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) of ASCII text
  static String of(byte[] bytes, int from, int to) {
    MessageDigest sha256 = SHA_256.get();
    sha256.update(bytes, from, to - from);
    byte[] digest = sha256.digest();
    byte[] id = new byte[PREFIX.length() + digest.length * 2];
    PREFIX.getBytes(0, PREFIX.length(), id, 0);
    int at = PREFIX.length();
    for (byte b : digest) {
      id[at++] = CanonicalJson.HEX_DIGITS[(b >> 4) & 0xf];
      id[at++] = CanonicalJson.HEX_DIGITS[b & 0xf];
    }
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  /** Writes a tree's canonical form: members in name order. */
  private static final class TreeWriter {
    private final CanonicalJson out = new CanonicalJson();

    /** Positions of an object's members, sorted by name; one array per nesting depth. */
    private int[][] orders = new int[8][];

    private int depth;

    void write(JsonValue value) {
      if (value instanceof JsonValue.Members) {
        object((JsonValue.Members) value);
      } else if (value instanceof JsonValue.Elements) {
        JsonValue.Elements array = (JsonValue.Elements) value;
        out.ascii('[');
        for (int i = 0; i < array.size(); i++) {
          if (i > 0) {
            out.ascii(',');
          }
          write(array.get(i));
        }
        out.ascii(']');
      } else {
        JsonValue.Scalar scalar = (JsonValue.Scalar) value;
        if (scalar.isString()) {
          out.quote(scalar.text());
        } else {
          out.plain(scalar.text());
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
      out.ascii('{');
      for (int i = 0; i < size; i++) {
        if (i > 0) {
          out.ascii(',');
        }
        out.quote(object.name(order[i]));
        out.ascii(':');
        write(object.value(order[i]));
      }
      out.ascii('}');
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
  }
}
