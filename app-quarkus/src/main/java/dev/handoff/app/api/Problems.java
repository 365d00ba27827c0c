package dev.handoff.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.handoff.app.api.json.ProblemJson;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * Builds RFC 9457 problem details: the one place that decides their {@code type} URIs (one
 * kebab-case slug each) and their serialisation, for the API, the callbacks and the HTTP layer
 * alike. The body is written here rather than by content negotiation, so that a problem is sent as
 * {@code application/problem+json} whatever the request's {@code Accept} says.
 */
public final class Problems {
  /** The prefix of every problem type. */
  public static final String TYPES = "urn:handoff:problem:";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Problems() {}

  /**
   * @param reason a reason in any style, e.g. {@code MISSING_TOKEN} or {@code missing_token}
   * @return the same reason as a kebab-case slug, e.g. {@code missing-token}
   */
  public static String slug(String reason) {
    return reason
        .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .replaceAll("[^A-Za-z0-9]+", "-")
        .replaceAll("^-|-$", "")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * @param status the HTTP status
   * @param slug the problem's slug (made kebab-case)
   * @param title a short summary of that kind of problem
   * @param detail what went wrong this time, in the client's terms
   * @param instance the request path, or null
   * @param violations every broken rule, or null
   * @param operationId the operation concerned, or null
   * @return the problem
   */
  public static ProblemJson of(
      int status,
      String slug,
      String title,
      String detail,
      String instance,
      List<ProblemJson.ViolationJson> violations,
      String operationId) {
    return new ProblemJson(
        TYPES + slug(slug), title, status, detail, instance, violations, operationId);
  }

  /**
   * @param problem a problem
   * @return the response carrying it, as {@code application/problem+json}
   */
  public static Response response(ProblemJson problem) {
    return Response.status(problem.status())
        .type(ProblemJson.MEDIA_TYPE)
        .entity(json(problem))
        .build();
  }

  /**
   * @param problem a problem
   * @return its JSON
   */
  public static String json(ProblemJson problem) {
    try {
      return JSON.writeValueAsString(problem);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("a problem detail is always serialisable", impossible);
    }
  }

  /**
   * The generic problem of an HTTP status, for answers the framework gives (no route, a method or
   * media type the route does not take, a body too large).
   *
   * @param status the status
   * @param detail what went wrong, or null for the status's own wording
   * @param instance the request path
   * @return the problem
   */
  public static ProblemJson forStatus(int status, String detail, String instance) {
    String[] kind = kind(status);
    return of(status, kind[0], kind[1], detail == null ? kind[2] : detail, instance, null, null);
  }

  private static String[] kind(int status) {
    switch (status) {
      case 400:
        return new String[] {
          "invalid-request", "The request is invalid", "The request cannot be read"
        };
      case 401:
        return new String[] {
          "unauthenticated",
          "Authentication required",
          "Send a valid API key in X-API-Key, or a valid bearer token, as configured"
        };
      case 403:
        return new String[] {"forbidden", "Forbidden", "Not allowed"};
      case 404:
        return new String[] {"not-found", "Not found", "No resource at this path"};
      case 405:
        return new String[] {
          "method-not-allowed", "Method not allowed", "This path does not take this method"
        };
      case 406:
        return new String[] {
          "not-acceptable",
          "Not acceptable",
          "This resource answers application/json (errors as application/problem+json), which"
              + " the Accept header excludes"
        };
      case 409:
        return new String[] {
          "conflict", "Conflict", "The request conflicts with the current state"
        };
      case 413:
        return new String[] {
          "body-too-large", "Body too large", "The body is larger than this service accepts"
        };
      case 415:
        return new String[] {
          "unsupported-media-type", "Unsupported media type", "Send the body as application/json"
        };
      case 429:
        return new String[] {
          "too-many-requests", "Too many requests", "Too many requests; retry later"
        };
      case 503:
        return new String[] {
          "unavailable",
          "The service cannot take this request now",
          "The service cannot take this request now; retry later"
        };
      default:
        if (status >= 500) {
          return new String[] {
            "internal-error",
            "Internal error",
            "The service failed to handle the request; the failure is logged"
          };
        }
        return new String[] {"client-error", "The request cannot be handled", "Client error"};
    }
  }
}
