package dev.handoff.adapter.acs.http;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Produces the authentication headers of one request attempt. Called again for every attempt, so
 * that dates, signatures and tokens are fresh on retries.
 */
public sealed interface RequestAuthenticator
    permits RequestAuthenticator.Hmac, RequestAuthenticator.Bearer {

  /**
   * @param method the HTTP method
   * @param uri the request URI
   * @param body the body bytes
   * @param now the time of the attempt
   * @return the headers to add, in order
   * @throws CredentialUnavailableException when no credential could be had; nothing is sent
   */
  Map<String, String> headers(String method, URI uri, byte[] body, Instant now);

  /**
   * @param accessKey the decoded access key of the resource
   * @return HMAC-SHA256 authentication
   */
  static RequestAuthenticator hmac(byte[] accessKey) {
    return new Hmac(new HmacSigner(accessKey));
  }

  /**
   * @param tokens supplies a Microsoft Entra access token for the scope {@code
   *     https://communication.azure.com//.default}; called on every attempt, so it should cache
   * @return bearer authentication
   */
  static RequestAuthenticator bearer(TokenSupplier tokens) {
    return new Bearer(tokens);
  }

  /**
   * Supplies bearer tokens. Obtaining and caching tokens (e.g. with MSAL or azure-identity) is the
   * caller's business.
   */
  @FunctionalInterface
  interface TokenSupplier {
    /**
     * @return a current access token, without the {@code Bearer} prefix
     * @throws Exception when no token can be had
     */
    String token() throws Exception;
  }

  /**
   * HMAC-SHA256 with the resource's access key: {@code x-ms-date}, {@code x-ms-content-sha256} and
   * {@code Authorization}, signed over the Host header that {@code java.net.http} will send.
   *
   * @param signer the signer
   */
  record Hmac(HmacSigner signer) implements RequestAuthenticator {
    @Override
    public Map<String, String> headers(String method, URI uri, byte[] body, Instant now) {
      HmacSigner.Signature signature = signer.sign(method, uri, HostHeader.of(uri), body, now);
      return Map.of(
          "x-ms-date", signature.date(),
          "x-ms-content-sha256", signature.contentHash(),
          "Authorization", signature.authorization());
    }

    @Override
    public String toString() {
      return "Hmac[***]";
    }
  }

  /**
   * A Microsoft Entra bearer token: {@code Authorization: Bearer <token>}.
   *
   * @param tokens the token supplier
   */
  record Bearer(TokenSupplier tokens) implements RequestAuthenticator {
    @Override
    public Map<String, String> headers(String method, URI uri, byte[] body, Instant now) {
      String token;
      try {
        token = tokens.token();
      } catch (Exception e) {
        throw new CredentialUnavailableException("the token supplier failed: " + e, e);
      }
      if (token == null || token.isBlank()) {
        throw new CredentialUnavailableException("the token supplier returned no token", null);
      }
      if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new CredentialUnavailableException(
            "the token supplier returned a token with characters a header cannot carry", null);
      }
      return Map.of("Authorization", "Bearer " + token);
    }
  }

  /** No credential could be had for a request, so it was not sent. */
  final class CredentialUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong
     * @param cause the cause, or null
     */
    public CredentialUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
