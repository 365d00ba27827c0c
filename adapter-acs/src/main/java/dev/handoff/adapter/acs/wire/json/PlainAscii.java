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

  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long LOW_SEVENS = 0x7F7F7F7F7F7F7F7FL;
  private static final long TO_SPACE = 0x6060606060606060L;
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
   * Whether any of eight ASCII bytes is below U+0020, a quote, a backslash or a question mark. Each
   * test adds to every byte what lifts an acceptable one to its high bit: {@code 0x60} lifts
   * exactly the bytes from U+0020, and {@code 0x7F} lifts exactly the non-zero ones, so that a byte
   * XORed with the one looked for stays low only where it matched. No byte carries into the next,
   * because every byte is below {@code 0x80}: the caller has checked that the string is all ASCII
   * (its UTF-8 bytes are as many as its characters).
   */
  private static boolean mayNeedCare(long bytes) {
    long atLeastSpace = bytes + TO_SPACE;
    long notQuote = (bytes ^ QUOTES) + LOW_SEVENS;
    long notBackslash = (bytes ^ BACKSLASHES) + LOW_SEVENS;
    long notQuestionMark = (bytes ^ QUESTION_MARKS) + LOW_SEVENS;
    return (atLeastSpace & notQuote & notBackslash & notQuestionMark & HIGH_BITS) != HIGH_BITS;
  }
}
