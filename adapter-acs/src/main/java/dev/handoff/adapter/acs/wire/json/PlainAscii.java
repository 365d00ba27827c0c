package dev.handoff.adapter.acs.wire.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bulk path for a string's characters that JSON writes as they are (printable ASCII other than
 * {@code "} and {@code \}): the string's UTF-8 bytes, which the JDK produces for an ASCII string by
 * copying its internal bytes, are scanned eight at a time and copied with one {@code arraycopy},
 * instead of being read, checked and stored a character at a time.
 *
 * <p>The UTF-8 bytes are as many as the characters only when every character is ASCII, except that
 * the JDK encodes a lone surrogate as one {@code ?}: a {@code ?} is therefore taken as plain only
 * where the string really holds one.
 */
final class PlainAscii {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long SPACES = 0x2020202020202020L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long QUESTION_MARKS = 0x3F3F3F3F3F3F3F3FL;

  private PlainAscii() {}

  /**
   * Copies the longest prefix of {@code value} that JSON writes as it is.
   *
   * @param value the string
   * @param out where to copy it; room for {@code value.length()} bytes from {@code at}
   * @param at the first byte to write
   * @return how many characters (and bytes) it copied
   */
  static int copyPrefix(String value, byte[] out, int at) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    if (utf8.length != value.length()) {
      return 0; // not ASCII: the caller's character loop writes it
    }
    int plain = plainPrefix(value, utf8);
    System.arraycopy(utf8, 0, out, at, plain);
    return plain;
  }

  private static int plainPrefix(String value, byte[] utf8) {
    int length = utf8.length;
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      if (mayNeedCare((long) LONGS.get(utf8, i))) {
        break;
      }
    }
    for (; i < length; i++) {
      byte b = utf8[i];
      if (b < 0x20 || b == '"' || b == '\\' || (b == '?' && value.charAt(i) != '?')) {
        break;
      }
    }
    return i;
  }

  /**
   * Whether any of eight bytes is below U+0020, a quote, a backslash or a question mark (or has its
   * high bit set, which UTF-8 bytes of ASCII never have): the classic test for a zero byte, {@code
   * (x - 0x01..) & ~x & 0x80..}, on the bytes XORed with the one looked for; exact for whether any
   * byte matches.
   */
  private static boolean mayNeedCare(long bytes) {
    long quote = bytes ^ QUOTES;
    long backslash = bytes ^ BACKSLASHES;
    long question = bytes ^ QUESTION_MARKS;
    long found =
        ((bytes - SPACES) & ~bytes)
            | ((quote - ONES) & ~quote)
            | ((backslash - ONES) & ~backslash)
            | ((question - ONES) & ~question);
    return ((found | bytes) & HIGH_BITS) != 0;
  }
}
