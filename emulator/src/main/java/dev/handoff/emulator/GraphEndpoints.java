package dev.handoff.emulator;

import java.net.URI;

/**
 * How to reach the emulated Microsoft Graph and its token endpoint.
 *
 * <p>Base URLs are roots without an API version, as {@code https://graph.microsoft.com}: what
 * Handoff's {@code GraphCallControl.builder().baseUrl(...)} and the service's {@code
 * handoff.graph.base-url} take (they add the version). The Graph SDK's {@code setBaseUrl} wants the
 * version in the URL: give it {@link #v1Url()} or {@link #betaUrl()}.
 *
 * @param baseUrl the HTTPS root, e.g. {@code https://127.0.0.1:8443}
 * @param httpBaseUrl the plain-HTTP root, e.g. {@code http://127.0.0.1:8089}
 * @param v1Url the HTTPS v1.0 URL, e.g. {@code https://127.0.0.1:8443/v1.0}
 * @param betaUrl the HTTPS beta URL
 * @param tokenEndpoint the OAuth2 client-credentials token endpoint (HTTPS), {@code
 *     .../<tenant>/oauth2/v2.0/token}
 * @param httpTokenEndpoint the token endpoint over plain HTTP
 * @param authorityHost the authority host to give azure-identity (HTTPS base URL)
 * @param tenantId the tenant
 * @param clientId the client id the token endpoint accepts
 * @param clientSecret the client secret the token endpoint accepts
 * @param scope the scope to request ({@code https://graph.microsoft.com/.default})
 * @param botAppId the bot's app id: the audience of callback JWTs
 * @param callbackIssuer the issuer of callback JWTs ({@code https://api.botframework.com})
 * @param openIdConfiguration the OpenID configuration callback JWTs verify with (HTTPS)
 * @param httpOpenIdConfiguration the same over plain HTTP
 * @param jwks the JWKS (HTTPS)
 * @param httpJwks the JWKS over plain HTTP
 */
public record GraphEndpoints(
    URI baseUrl,
    URI httpBaseUrl,
    URI v1Url,
    URI betaUrl,
    URI tokenEndpoint,
    URI httpTokenEndpoint,
    URI authorityHost,
    String tenantId,
    String clientId,
    String clientSecret,
    String scope,
    String botAppId,
    String callbackIssuer,
    URI openIdConfiguration,
    URI httpOpenIdConfiguration,
    URI jwks,
    URI httpJwks) {}
