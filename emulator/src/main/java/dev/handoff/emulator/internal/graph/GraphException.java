package dev.handoff.emulator.internal.graph;

/**
 * A synchronous Graph error: HTTP status, the error code (comms codes are numeric strings) and
 * message.
 */
public final class GraphException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /** Creates an error. */
  public GraphException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** 400 BadRequest for a body that does not fit the OData model, naming the property. */
  public static GraphException badRequest(String message) {
    return new GraphException(400, "BadRequest", message);
  }

  /** 400 with comms code 8523 for a request the calling service refuses. */
  public static GraphException invalid(String message) {
    return new GraphException(400, "8523", message);
  }

  /**
   * 403, code 7505, as the service answers a request whose target lives in another tenant than the
   * bot's token (as for a transfer to another tenant's resource account).
   */
  public static GraphException tenantMismatch() {
    return new GraphException(403, "7505", "Request authorization tenant mismatch.");
  }

  /** 404, code 8522, as the service words it. */
  public static GraphException callNotFound() {
    return new GraphException(404, "8522", "Call not found.");
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The error code. */
  public String code() {
    return code;
  }
}
