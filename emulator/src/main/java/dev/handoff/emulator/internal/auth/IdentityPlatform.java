package dev.handoff.emulator.internal.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.EmulatorSettings;
import dev.handoff.emulator.fault.FaultAction;
import dev.handoff.emulator.internal.http.Endpoint;
import dev.handoff.emulator.internal.http.Request;
import dev.handoff.emulator.internal.http.Response;
import dev.handoff.emulator.internal.http.Route;
import dev.handoff.emulator.internal.json.Json;
import dev.handoff.emulator.internal.state.IdSource;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identity side: an Entra-like OAuth2 client-credentials token endpoint ({@code POST
 * /{tenant}/oauth2/v2.0/token}) with its OpenID metadata and keys, and the Bot Framework style
 * OpenID configuration ({@code /v1/.well-known/OpenIdConfiguration}, {@code /v1/keys}) that Graph
 * callback tokens are verified with.
 */
public final class IdentityPlatform implements Endpoint {

  private static final Pattern TOKEN = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");
  private static final Pattern METADATA =
      Pattern.compile("^/([^/]+)/v2\\.0/\\.well-known/openid-configuration$");
  private static final Pattern KEYS = Pattern.compile("^/([^/]+)/discovery/v2\\.0/keys$");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final EmulatorSettings settings;
  private final TokenService tokens;
  private final IdSource ids;

  /** Creates the endpoint. */
  public IdentityPlatform(EmulatorSettings settings, TokenService tokens, IdSource ids) {
    this.settings = settings;
    this.tokens = tokens;
    this.ids = ids;
  }

  @Override
  public Optional<Route> route(Request request) {
    String path = request.rawPath();
    String method = request.method();
    if (method.equals("GET") && path.equals("/v1/.well-known/OpenIdConfiguration")) {
      return Optional.of(route("graph.openidConfiguration", this::botMetadata));
    }
    if (method.equals("GET") && path.equals("/v1/keys")) {
      return Optional.of(
          route(
              "graph.jwks", r -> Response.json(200, Json.tree(tokens.jwks()), "application/json")));
    }
    Matcher m;
    if (method.equals("POST") && (m = TOKEN.matcher(path)).matches()) {
      String tenant = m.group(1);
      return Optional.of(route("token", r -> token(r, tenant)));
    }
    if (method.equals("GET") && (m = METADATA.matcher(path)).matches()) {
      String tenant = m.group(1);
      return Optional.of(route("token.openidConfiguration", r -> entraMetadata(r, tenant)));
    }
    if (method.equals("GET") && KEYS.matcher(path).matches()) {
      return Optional.of(
          route(
              "token.jwks", r -> Response.json(200, Json.tree(tokens.jwks()), "application/json")));
    }
    return Optional.empty();
  }

  private Route route(String operation, Function<Request, Response> handler) {
    return new Route(
        operation,
        handler,
        (FaultAction.Error fault) -> {
          Response response =
              oauthError(
                  fault.status(),
                  "temporarily_unavailable",
                  90000,
                  "Injected fault " + fault.status() + ".");
          return fault.retryAfterSeconds() == null
              ? response
              : response.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        });
  }

  private Response token(Request request, String tenant) {
    if (!tenant.equalsIgnoreCase(settings.graphTenantId())) {
      return oauthError(
          400,
          "invalid_request",
          90002,
          "AADSTS90002: Tenant '"
              + tenant
              + "' not found. Check to make sure you have the correct tenant ID.");
    }
    String contentType = request.header("Content-Type").orElse("");
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return oauthError(
          400,
          "invalid_request",
          900144,
          "AADSTS900144: The request body must be application/x-www-form-urlencoded.");
    }
    Map<String, String> form = Request.decodeForm(request.bodyText());
    String clientId = form.get("client_id");
    String clientSecret = form.get("client_secret");
    Optional<String> basic =
        request.header("Authorization").filter(v -> v.regionMatches(true, 0, "Basic ", 0, 6));
    if (basic.isPresent()) {
      String decoded =
          new String(
              Base64.getDecoder().decode(basic.get().substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon > 0) {
        clientId = decoded.substring(0, colon);
        clientSecret = decoded.substring(colon + 1);
      }
    }
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return oauthError(
          400,
          "unsupported_grant_type",
          70003,
          "AADSTS70003: The app requested an unsupported grant type '"
              + form.get("grant_type")
              + "'.");
    }
    if (clientId == null) {
      return oauthError(
          400,
          "invalid_request",
          900144,
          "AADSTS900144: The request body must contain the following parameter: 'client_id'.");
    }
    if (!clientId.equals(settings.graphClientId())) {
      return oauthError(
          400,
          "unauthorized_client",
          700016,
          "AADSTS700016: Application with identifier '"
              + clientId
              + "' was not found in the directory.");
    }
    if (form.containsKey("client_assertion")) {
      return oauthError(
          400, "invalid_client", 700027, "AADSTS700027: The emulator accepts client secrets only.");
    }
    if (clientSecret == null) {
      return oauthError(
          400,
          "invalid_client",
          7000216,
          "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.");
    }
    if (!clientSecret.equals(settings.graphClientSecret())) {
      return oauthError(
          401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided.");
    }
    String scope = form.getOrDefault("scope", "");
    String audience = audience(scope);
    if (audience == null) {
      return oauthError(
          400,
          "invalid_scope",
          70011,
          "AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope "
              + scope
              + " is not valid.");
    }
    List<String> roles =
        audience.equals(TokenService.GRAPH_AUDIENCE) ? settings.graphRoles() : List.of();
    TokenService.IssuedToken token =
        tokens.accessToken(settings.graphTenantId(), clientId, audience, roles);
    ObjectNode body = Json.object();
    body.put("token_type", "Bearer");
    body.put("expires_in", token.expiresInSeconds());
    body.put("ext_expires_in", token.expiresInSeconds());
    body.put("access_token", token.token());
    return Response.json(200, body, "application/json; charset=utf-8")
        .withHeader("Cache-Control", "no-store, no-cache");
  }

  /**
   * The token audience for a client-credentials scope, or null when it is not one the emulator
   * serves.
   */
  private static String audience(String scope) {
    String normalized = scope.trim();
    if (normalized.equals("https://graph.microsoft.com/.default")
        || normalized.equals("00000003-0000-0000-c000-000000000000/.default")) {
      return TokenService.GRAPH_AUDIENCE;
    }
    if (normalized.equals("https://communication.azure.com/.default")
        || normalized.equals("https://communication.azure.com//.default")) {
      return TokenService.ACS_AUDIENCE;
    }
    return null;
  }

  private Response oauthError(int status, String error, int code, String description) {
    String traceId = ids.uuidString();
    String correlationId = ids.uuidString();
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put(
        "error_description",
        description
            + "\r\nTrace ID: "
            + traceId
            + "\r\nCorrelation ID: "
            + correlationId
            + "\r\nTimestamp: "
            + TIMESTAMP.format(settings.clock().instant()));
    body.putArray("error_codes").add(code);
    body.put("timestamp", TIMESTAMP.format(settings.clock().instant()));
    body.put("trace_id", traceId);
    body.put("correlation_id", correlationId);
    body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
    return Response.json(status, body, "application/json; charset=utf-8");
  }

  private Response entraMetadata(Request request, String tenant) {
    String base = request.baseUrl() + "/" + tenant;
    ObjectNode body = Json.object();
    body.put("token_endpoint", base + "/oauth2/v2.0/token");
    body.putArray("token_endpoint_auth_methods_supported")
        .add("client_secret_post")
        .add("client_secret_basic");
    body.put("jwks_uri", base + "/discovery/v2.0/keys");
    body.putArray("response_types_supported").add("token");
    body.putArray("subject_types_supported").add("pairwise");
    body.putArray("id_token_signing_alg_values_supported").add("RS256");
    body.put("issuer", "https://login.microsoftonline.com/" + settings.graphTenantId() + "/v2.0");
    body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
    body.put("tenant_region_scope", "NA");
    return Response.json(200, body, "application/json; charset=utf-8");
  }

  private Response botMetadata(Request request) {
    ObjectNode body = Json.object();
    body.put("issuer", TokenService.GRAPH_CALLBACK_ISSUER);
    body.put("authorization_endpoint", request.baseUrl() + "/v1/authorize");
    body.put("jwks_uri", request.baseUrl() + "/v1/keys");
    body.putArray("id_token_signing_alg_values_supported").add("RS256");
    body.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
    return Response.json(200, body, "application/json");
  }
}
