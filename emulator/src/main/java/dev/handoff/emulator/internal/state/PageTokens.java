package dev.handoff.emulator.internal.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.OptionalInt;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque tokens of next-page links. A token carries the offset its page starts at and a MAC
 * over the list it was issued for (one call's participants), so it opens a page of that list only:
 * a token altered, made up, or taken to another call is refused. The key derives from the provider
 * and the seed, so that links are as deterministic as every generated id, and a token of one
 * provider means nothing to the other.
 */
public final class PageTokens {
  private static final int OFFSET_BYTES = Integer.BYTES;
  private static final int MAC_BYTES = 12;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * @param provider the provider whose lists the tokens page ({@code acs}, {@code graph})
   * @param seed the emulator's seed
   */
  public PageTokens(String provider, long seed) {
    try {
      byte[] material =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  ("handoff-emulator-page-tokens:" + provider + ":" + seed)
                      .getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(material, ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  /**
   * The token of the page of {@code list} that starts at {@code offset}: base64url, no padding, so
   * it travels in a query string as is.
   */
  public String issue(String list, int offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative but was " + offset);
    }
    ByteBuffer token = ByteBuffer.allocate(OFFSET_BYTES + MAC_BYTES);
    token.putInt(offset).put(mac(list, offset));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
  }

  /**
   * The offset a token opens in {@code list}, or empty when the token was not issued for that list.
   */
  public OptionalInt offset(String list, String token) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException notBase64) {
      return OptionalInt.empty();
    }
    if (bytes.length != OFFSET_BYTES + MAC_BYTES) {
      return OptionalInt.empty();
    }
    ByteBuffer read = ByteBuffer.wrap(bytes);
    int offset = read.getInt();
    byte[] mac = new byte[MAC_BYTES];
    read.get(mac);
    if (offset < 0 || !MessageDigest.isEqual(mac, mac(list, offset))) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(offset);
  }

  private byte[] mac(String list, int offset) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] full = mac.doFinal((list + "\n" + offset).getBytes(StandardCharsets.UTF_8));
      byte[] truncated = new byte[MAC_BYTES];
      System.arraycopy(full, 0, truncated, 0, MAC_BYTES);
      return truncated;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
