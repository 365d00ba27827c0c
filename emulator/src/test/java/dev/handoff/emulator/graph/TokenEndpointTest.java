package dev.handoff.emulator.graph;

import static dev.handoff.emulator.support.EmulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import dev.handoff.emulator.HandoffEmulator;
import dev.handoff.emulator.junit.HandoffEmulatorExtension;
import dev.handoff.emulator.support.EmulatorHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HandoffEmulatorExtension.class)
class TokenEndpointTest {

  private static String form(HandoffEmulator emulator, String secret, String scope, String grant) {
    return "grant_type="
        + grant
        + "&client_id="
        + emulator.graph().clientId()
        + "&client_secret="
        + secret
        + "&scope="
        + scope;
  }

  @Test
  void issuesAnAppOnlyTokenForGraph(HandoffEmulator emulator) throws Exception {
    EmulatorHttp http = new EmulatorHttp(emulator, true);
    HttpResponse<String> response =
        http.form(
            emulator.graph().tokenEndpoint().toString(),
            form(
                emulator,
                emulator.graph().clientSecret(),
                "https%3A%2F%2Fgraph.microsoft.com%2F.default",
                "client_credentials"));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asInt()).isEqualTo(3599);
    SignedJWT jwt = SignedJWT.parse(body.get("access_token").asText());
    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("https://graph.microsoft.com");
    assertThat(jwt.getJWTClaimsSet().getStringClaim("tid")).isEqualTo(emulator.graph().tenantId());
    assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles"))
        .contains("Calls.Initiate.All", "Calls.InitiateGroupCall.All");
  }

  @Test
  void acceptsHttpBasicClientAuthentication(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (emulator.graph().clientId() + ":" + emulator.graph().clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(emulator.graph().httpTokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope=https://graph.microsoft.com/.default"))
                .build());
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void refusesBadRequestsWithEntrasErrorShape(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    String url = emulator.graph().httpTokenEndpoint().toString();
    HttpResponse<String> badSecret =
        http.form(
            url,
            form(emulator, "wrong", "https://graph.microsoft.com/.default", "client_credentials"));
    assertThat(badSecret.statusCode()).isEqualTo(401);
    JsonNode error = json(badSecret);
    assertThat(error.get("error").asText()).isEqualTo("invalid_client");
    assertThat(error.get("error_codes").get(0).asInt()).isEqualTo(7000215);
    assertThat(error.get("error_description").asText()).startsWith("AADSTS7000215");
    assertThat(error.has("trace_id") && error.has("correlation_id") && error.has("timestamp"))
        .isTrue();

    HttpResponse<String> badScope =
        http.form(
            url,
            form(
                emulator,
                emulator.graph().clientSecret(),
                "https://example.com/.default",
                "client_credentials"));
    assertThat(badScope.statusCode()).isEqualTo(400);
    assertThat(json(badScope).get("error").asText()).isEqualTo("invalid_scope");

    HttpResponse<String> badGrant =
        http.form(
            url,
            form(
                emulator,
                emulator.graph().clientSecret(),
                "https://graph.microsoft.com/.default",
                "password"));
    assertThat(json(badGrant).get("error").asText()).isEqualTo("unsupported_grant_type");

    HttpResponse<String> otherTenant =
        http.form(
            url.replace(emulator.graph().tenantId(), "other-tenant"),
            form(
                emulator,
                emulator.graph().clientSecret(),
                "https://graph.microsoft.com/.default",
                "client_credentials"));
    assertThat(json(otherTenant).get("error_codes").get(0).asInt()).isEqualTo(90002);
  }

  @Test
  void publishesTheTenantsOpenIdMetadata(HandoffEmulator emulator) {
    EmulatorHttp http = new EmulatorHttp(emulator, false);
    HttpResponse<String> metadata =
        http.get(
            emulator.httpBaseUrl()
                + "/"
                + emulator.graph().tenantId()
                + "/v2.0/.well-known/openid-configuration");
    assertThat(json(metadata).get("token_endpoint").asText())
        .isEqualTo(emulator.graph().httpTokenEndpoint().toString());
    HttpResponse<String> keys = http.get(json(metadata).get("jwks_uri").asText());
    assertThat(json(keys).get("keys").get(0).get("kty").asText()).isEqualTo("RSA");
    assertThat(URI.create(json(metadata).get("jwks_uri").asText()).getScheme()).isEqualTo("http");
  }
}
