package dev.handoff.emulator.internal.acs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.emulator.internal.json.Json;

/** A synchronous ACS error: an HTTP status and the {@code CommunicationError} code and message. */
public final class AcsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /** Creates an error with the status, the string code (the subcode) and the message. */
  public AcsException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** 400, code 8523: an invalid argument, naming the field and the broken rule. */
  public static AcsException invalid(String path, String rule) {
    return new AcsException(400, "8523", "Invalid request: '" + path + "' " + rule + ".");
  }

  /** 404, code 8522, exactly as the service words it. */
  public static AcsException callNotFound() {
    return new AcsException(404, "8522", "Call not found.");
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The error code (the subcode as a string). */
  public String code() {
    return code;
  }

  /** The {@code CommunicationErrorResponse} body. */
  public ObjectNode body() {
    return body(code, getMessage());
  }

  /** A {@code CommunicationErrorResponse} body. */
  public static ObjectNode body(String code, String message) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", code).put("message", message);
    return body;
  }
}
