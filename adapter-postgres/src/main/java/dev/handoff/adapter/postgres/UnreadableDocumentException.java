package dev.handoff.adapter.postgres;

/**
 * Thrown when a stored operation document cannot be read back into an operation: a field is missing
 * or of the wrong form, or the values break a rule of the model. The message names the operation
 * (when known), the field's path in the document and the rule.
 */
public final class UnreadableDocumentException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, with the field's path
   * @param cause the underlying error, or null
   */
  public UnreadableDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
