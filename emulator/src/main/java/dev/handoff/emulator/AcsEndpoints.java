package dev.handoff.emulator;

import java.net.URI;

/**
 * How to reach the emulated ACS resource.
 *
 * @param endpoint the HTTPS endpoint (what the official SDK needs), e.g. {@code
 *     https://127.0.0.1:8443}
 * @param httpEndpoint the plain-HTTP endpoint (for clients on loopback)
 * @param accessKey the access key HMAC signatures are checked with (base64)
 * @param resourceId the resource's immutable id: the audience of callback JWTs
 * @param callbackIssuer the issuer of callback JWTs ({@code
 *     https://acscallautomation.communication.azure.com})
 * @param openIdConfiguration the OpenID configuration callback JWTs verify with (HTTPS)
 * @param httpOpenIdConfiguration the same over plain HTTP
 * @param jwks the JWKS (HTTPS)
 * @param httpJwks the JWKS over plain HTTP
 */
public record AcsEndpoints(
    URI endpoint,
    URI httpEndpoint,
    String accessKey,
    String resourceId,
    String callbackIssuer,
    URI openIdConfiguration,
    URI httpOpenIdConfiguration,
    URI jwks,
    URI httpJwks) {

  /** {@code endpoint=https://127.0.0.1:<port>/;accesskey=<key>}, for the official SDK. */
  public String connectionString() {
    return "endpoint=" + endpoint + "/;accesskey=" + accessKey;
  }

  /** The connection string with the plain-HTTP endpoint. */
  public String httpConnectionString() {
    return "endpoint=" + httpEndpoint + "/;accesskey=" + accessKey;
  }
}
