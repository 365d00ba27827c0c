package dev.handoff.adapter.acs.wire.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes JSON as UTF-8 bytes, character for character as the adapter's Jackson configuration
 * ({@code AcsJson.mapper().writeValueAsBytes}) writes it, so that the bodies are the same bytes:
 *
 * <ul>
 *   <li>{@code "} and {@code \} are escaped with a backslash; of the control characters, U+0008,
 *       U+0009, U+000A, U+000C and U+000D get their short escapes ({@code \b}, {@code \t}, {@code
 *       \n}, {@code \f}, {@code \r}) and the others &#92;u00XX, upper-case;
 *   <li>every other character below U+0080, DEL and {@code /} included, is written as is;
 *   <li>characters up to U+FFFF are encoded as UTF-8, U+2028 and U+2029 included, except the
 *       surrogates: each UTF-16 surrogate, paired or not, is written as its own &#92;uXXXX escape,
 *       as Jackson's UTF-8 generator does by default;
 *   <li>no whitespace; members and elements separated by {@code ,}.
 * </ul>
 *
 * <p>The comma before a member or an element is decided from the last byte written: none after an
 * opening brace or bracket, which no complete value ends with. One writer per body; not
 * thread-safe.
 */
final class JsonWriter {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

  /** Per ASCII character: 0 written as is, -1 as &#92;u00XX, else the short escape's letter. */
  private static final byte[] ESCAPES = new byte[128];

  /** The most bytes one UTF-16 character becomes: &#92;uXXXX. */
  private static final int MAX_BYTES_PER_CHAR = 6;

  /**
   * From this length on, a string's plain ASCII is copied in bulk ({@link PlainAscii}); shorter
   * ones cost less one character at a time than the bulk copy's own allocation.
   */
  static final int BULK_LENGTH = 16;

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
  }

  /** Writes one value of type {@code T}. */
  @FunctionalInterface
  interface ValueWriter<T> {
    /**
     * @param json the writer
     * @param value the value, never null
     */
    void write(JsonWriter json, T value);
  }

  /**
   * Each thread's writer, so that a body costs one allocation, its own bytes: allocating and
   * zeroing a fresh buffer took more time than writing a full-context body into it.
   */
  private static final ThreadLocal<JsonWriter> PER_THREAD =
      ThreadLocal.withInitial(() -> new JsonWriter(4096));

  /** A thread's buffers that grew beyond this for a huge body are not kept. */
  private static final int KEPT = 64 * 1024;

  private byte[] buffer;
  private int size;

  /**
   * @param capacity the bytes to reserve at first; the buffer grows as needed
   */
  JsonWriter(int capacity) {
    buffer = new byte[Math.max(16, capacity)];
  }

  /**
   * The calling thread's writer, emptied. Only one body at a time per thread: take its {@link
   * #toBytes()} before starting the next.
   *
   * @return the writer
   */
  static JsonWriter reusable() {
    JsonWriter json = PER_THREAD.get();
    json.size = 0;
    if (json.buffer.length > KEPT) {
      json.buffer = new byte[4096];
    }
    return json;
  }

  /**
   * @param name a member name
   * @return {@code "name":} as written, to be given to {@link #name(byte[])}
   */
  static byte[] encodeName(String name) {
    JsonWriter json = new JsonWriter(name.length() * MAX_BYTES_PER_CHAR + 3);
    json.string(name);
    json.buffer[json.size++] = ':';
    return json.toBytes();
  }

  /**
   * @return the bytes written so far
   */
  byte[] toBytes() {
    return Arrays.copyOf(buffer, size);
  }

  void beginObject() {
    reserve(1);
    buffer[size++] = '{';
  }

  void endObject() {
    reserve(1);
    buffer[size++] = '}';
  }

  /**
   * Starts a member: the comma if one is due, then the encoded name.
   *
   * @param encodedName from {@link #encodeName(String)}
   */
  void name(byte[] encodedName) {
    reserve(encodedName.length + 1);
    separate();
    size = put(encodedName, buffer, size);
  }

  /**
   * @param encodedName the member's name
   * @param value its value; the member is left out when null
   */
  void member(byte[] encodedName, String value) {
    if (value == null) {
      return;
    }
    // One reservation for the comma, the name and the quoted value: a body is mostly such members.
    int length = value.length();
    reserve(encodedName.length + 3 + length * MAX_BYTES_PER_CHAR);
    separate();
    size = quoted(value, length, buffer, put(encodedName, buffer, size));
  }

  /**
   * @param member the member
   * @param value its value; the member is left out when null
   */
  void member(KnownMember member, String value) {
    if (value == null) {
      return;
    }
    byte[] encoded = member.encodedMember(value);
    if (encoded == null) {
      member(member.encodedName(), value);
    } else {
      name(encoded); // the whole member, name and value, written like a name
    }
  }

  /**
   * @param encodedName the member's name
   * @param value its value; the member is left out when null
   */
  void member(byte[] encodedName, Boolean value) {
    if (value != null) {
      name(encodedName);
      raw(value ? TRUE : FALSE);
    }
  }

  /**
   * @param encodedName the member's name
   * @param value its value; the member is left out when null
   */
  void member(byte[] encodedName, Integer value) {
    if (value != null) {
      name(encodedName);
      number(value);
    }
  }

  /**
   * An object of one member per entry, in the map's order; a null value is written {@code null}.
   *
   * @param encodedName the member's name
   * @param map the entries; the member is left out when null, written {@code {}} when empty
   * @param writer writes each non-null value
   * @param <T> the values' type
   * @throws IllegalArgumentException when a key is null: JSON names are strings
   */
  <T> void mapMember(byte[] encodedName, Map<String, T> map, ValueWriter<T> writer) {
    if (map != null) {
      object(encodedName, map, (key, value) -> entry(key, value, writer));
    }
  }

  /**
   * {@link #mapMember} for string values, written without a {@link ValueWriter}: headers are most
   * of a body's maps.
   *
   * @param encodedName the member's name
   * @param map the entries; the member is left out when null, written {@code {}} when empty
   * @throws IllegalArgumentException when a key is null: JSON names are strings
   */
  void stringsMember(byte[] encodedName, Map<String, String> map) {
    if (map != null) {
      object(encodedName, map, this::stringEntry);
    }
  }

  private <T> void object(byte[] encodedName, Map<String, T> map, BiConsumer<String, T> entry) {
    name(encodedName);
    beginObject();
    // forEach, not the entry set: an unmodifiable map wraps every entry its iterator returns.
    map.forEach(entry);
    endObject();
  }

  private <T> void entry(String key, T value, ValueWriter<T> writer) {
    key(key);
    value(value, writer);
  }

  private void stringEntry(String key, String value) {
    key(key);
    if (value == null) {
      raw(NULL);
    } else {
      string(value);
    }
  }

  /** Starts an entry of a map: the comma if one is due, then the quoted key and its colon. */
  private void key(String key) {
    if (key == null) {
      throw new IllegalArgumentException(
          "a JSON object cannot have a null name; the map given has a null key");
    }
    int length = key.length();
    reserve(length * MAX_BYTES_PER_CHAR + 4);
    separate();
    int at = quoted(key, length, buffer, size);
    buffer[at++] = ':';
    size = at;
  }

  /**
   * An array of the list's elements, in order; a null element is written {@code null}.
   *
   * @param encodedName the member's name
   * @param list the elements; the member is left out when null, written {@code []} when empty
   * @param writer writes each non-null element
   * @param <T> the elements' type
   */
  <T> void listMember(byte[] encodedName, List<T> list, ValueWriter<T> writer) {
    if (list == null) {
      return;
    }
    name(encodedName);
    reserve(1);
    buffer[size++] = '[';
    for (int i = 0; i < list.size(); i++) {
      reserve(1);
      separate();
      value(list.get(i), writer);
    }
    reserve(1);
    buffer[size++] = ']';
  }

  /**
   * @param value a value to write, or null for {@code null}
   * @param writer writes it when not null
   * @param <T> its type
   */
  <T> void value(T value, ValueWriter<T> writer) {
    if (value == null) {
      raw(NULL);
    } else {
      writer.write(this, value);
    }
  }

  /**
   * @param value a string, written quoted and escaped
   */
  void string(String value) {
    int length = value.length();
    reserve(length * MAX_BYTES_PER_CHAR + 2);
    size = quoted(value, length, buffer, size);
  }

  /**
   * Writes {@code value} quoted and escaped; the caller has reserved its room.
   *
   * @return the index after the closing quote
   */
  private static int quoted(String value, int length, byte[] out, int at) {
    out[at++] = '"';
    int plain =
        length >= BULK_LENGTH
            ? PlainAscii.copyPrefix(value, out, at)
            : plainPrefix(value, length, out, at);
    at += plain;
    if (plain < length) {
      at = escaped(value, plain, length, out, at);
    }
    out[at++] = '"';
    return at;
  }

  /**
   * Copies already encoded bytes (a name, a constant member); the caller has reserved their room.
   *
   * @return the index after them
   */
  private static int put(byte[] bytes, byte[] out, int at) {
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  /**
   * Copies the characters of {@code value} written as they are, up to the first one that is not (or
   * the end), one at a time.
   *
   * @return how many it copied
   */
  private static int plainPrefix(String value, int length, byte[] out, int at) {
    // The store index moves with i, so that the compiler can drop the per-character bounds checks.
    int i = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || ESCAPES[c] != 0) {
        break;
      }
      out[at + i] = (byte) c;
    }
    return i;
  }

  private static int escaped(String text, int from, int length, byte[] out, int at) {
    for (int i = from; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          out[at++] = (byte) c;
        } else if (escape > 0) {
          out[at++] = '\\';
          out[at++] = escape;
        } else {
          at = unicodeEscape(out, at, c);
        }
      } else if (c < 0x800) {
        out[at++] = (byte) (0xC0 | (c >> 6));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        at = unicodeEscape(out, at, c);
      } else {
        out[at++] = (byte) (0xE0 | (c >> 12));
        out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return at;
  }

  private static int unicodeEscape(byte[] out, int at, char c) {
    out[at++] = '\\';
    out[at++] = 'u';
    out[at++] = HEX[(c >> 12) & 0xF];
    out[at++] = HEX[(c >> 8) & 0xF];
    out[at++] = HEX[(c >> 4) & 0xF];
    out[at++] = HEX[c & 0xF];
    return at;
  }

  private void number(int value) {
    String digits = Integer.toString(value);
    reserve(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      buffer[size++] = (byte) digits.charAt(i);
    }
  }

  private void raw(byte[] bytes) {
    reserve(bytes.length);
    size = put(bytes, buffer, size);
  }

  /** Writes the comma due before a member or an element; the caller has reserved its byte. */
  private void separate() {
    if (size > 0) {
      byte last = buffer[size - 1];
      if (last != '{' && last != '[') {
        buffer[size++] = ',';
      }
    }
  }

  private void reserve(int bytes) {
    long needed = (long) size + bytes;
    if (needed > buffer.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("the request body would exceed 2 GiB");
      }
      buffer =
          Arrays.copyOf(
              buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, buffer.length * 2L)));
    }
  }
}
