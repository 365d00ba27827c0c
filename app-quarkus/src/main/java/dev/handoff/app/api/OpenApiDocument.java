package dev.handoff.app.api;

import dev.handoff.app.api.json.ProblemJson;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document with what holds for every operation, so that a client generator
 * can trust it: the security schemes and which operations need them, and the problem answers the
 * service gives on top of each operation's own (invalid input, missing credentials, a body too
 * large or of another media type, an Accept it cannot honour, an unexpected failure, the store
 * unavailable).
 *
 * <p>It runs when the application is built, not when it starts: nothing in it depends on runtime
 * configuration, and a filter run at start-up walks the whole document model again before the
 * service is ready.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiDocument implements OASFilter {
  /** The API key scheme. */
  public static final String API_KEY = "apiKey";

  /** The bearer token scheme. */
  public static final String BEARER = "bearer";

  /** The providers' signed callback tokens. */
  public static final String PROVIDER_TOKEN = "providerToken";

  /** The secret in a callback URL's query. */
  public static final String CALLBACK_SECRET = "callbackSecret";

  private static final String PROBLEM = "#/components/schemas/Problem";

  /** What each callback endpoint acknowledges a recorded delivery with. */
  private static final Map<String, String> CALLBACK_ACKNOWLEDGEMENTS =
      Map.of("/callbacks/acs", "200", "/callbacks/graph", "202");

  /** An enumeration declared on a list belongs to its items. */
  @Override
  public Schema filterSchema(Schema schema) {
    if (schema.getEnumeration() != null
        && schema.getItems() != null
        && schema.getType() != null
        && schema.getType().contains(Schema.SchemaType.ARRAY)) {
      schema.getItems().setEnumeration(schema.getEnumeration());
      schema.setEnumeration(null);
    }
    return schema;
  }

  @Override
  public void filterOpenAPI(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.setComponents(OASFactory.createComponents());
    }
    openApi
        .getComponents()
        .addSecurityScheme(
            API_KEY,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name("X-API-Key")
                .description(
                    "One of handoff.api.keys, with handoff.api.auth=api-key (the default)"))
        .addSecurityScheme(
            BEARER,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description(
                    "A JWT (RS256 or ES256) verified against handoff.api.jwt.jwks-url, with"
                        + " handoff.api.auth=jwt"))
        .addSecurityScheme(
            PROVIDER_TOKEN,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("The token the provider signs each callback with"))
        .addSecurityScheme(
            CALLBACK_SECRET,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.QUERY)
                .name("secret")
                .description(
                    "The secret of the callback URL: Event Grid deliveries, and ACS callbacks with"
                        + " handoff.acs.callback-auth=query-secret"));
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openApi.getPaths().getPathItems().entrySet()) {
      boolean api = path.getKey().startsWith("/v1/");
      boolean callback = path.getKey().startsWith("/callbacks/");
      if (!api && !callback) {
        continue;
      }
      for (Map.Entry<PathItem.HttpMethod, Operation> entry :
          path.getValue().getOperations().entrySet()) {
        Operation operation = entry.getValue();
        operation.setSecurity(
            api
                ? List.of(requirement(API_KEY), requirement(BEARER))
                : List.of(requirement(PROVIDER_TOKEN), requirement(CALLBACK_SECRET)));
        if (callback) {
          acknowledgement(operation, CALLBACK_ACKNOWLEDGEMENTS.get(path.getKey()));
        }
        problems(operation, path.getKey(), entry.getKey());
      }
    }
  }

  private static void acknowledgement(Operation operation, String status) {
    if (status == null) {
      return;
    }
    APIResponses responses = OASFactory.createAPIResponses();
    responses.addAPIResponse(
        status,
        OASFactory.createAPIResponse()
            .description(
                "Authenticated, read and recorded"
                    + ("200".equals(status)
                        ? " (for an Event Grid handshake, with its validation response)"
                        : "")));
    operation.setResponses(responses);
  }

  private static SecurityRequirement requirement(String scheme) {
    return OASFactory.createSecurityRequirement().addScheme(scheme);
  }

  private static void problems(Operation operation, String path, PathItem.HttpMethod method) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    boolean body = method == PathItem.HttpMethod.POST;
    boolean parameters = body || path.contains("{") || operation.getParameters() != null;
    if (parameters) {
      add(responses, "400", "Invalid request: every violation, with its JSON path and rule");
    }
    add(
        responses,
        "401",
        path.startsWith("/callbacks/")
            ? "The delivery is not authentic"
            : "No or a wrong API key or bearer token");
    if (path.contains("{")) {
      add(responses, "404", "Not found");
    }
    add(responses, "406", "The Accept header excludes what the operation answers");
    if (body) {
      add(responses, "413", "The body is over the size limit");
      add(responses, "415", "The body is not JSON");
    }
    add(responses, "500", "An unexpected failure, logged by the service");
    add(responses, "503", "The service or its store cannot take the request now; retry later");
  }

  private static void add(APIResponses responses, String status, String description) {
    if (responses.hasAPIResponse(status)) {
      return;
    }
    Content problem =
        OASFactory.createContent()
            .addMediaType(
                ProblemJson.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    responses.addAPIResponse(
        status, OASFactory.createAPIResponse().description(description).content(problem));
  }
}
