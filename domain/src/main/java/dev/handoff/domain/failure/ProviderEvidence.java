package dev.handoff.domain.failure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a provider said, kept verbatim beside Handoff's interpretation of it.
 *
 * @param httpStatus the HTTP status of a synchronous answer
 * @param code the provider's code: ACS {@code resultInformation.code} or error code, Graph {@code
 *     resultInfo.code} or error code
 * @param subCode the provider's sub-code
 * @param sip SIP diagnostics
 * @param q850 Q.850 diagnostics
 * @param message the provider's message
 * @param references correlation ids the provider or Handoff attached (request ids, chain ids), by
 *     header or field name
 */
public record ProviderEvidence(
    OptionalInt httpStatus,
    Optional<String> code,
    Optional<String> subCode,
    Optional<SipDiagnostic> sip,
    Optional<SipDiagnostic> q850,
    Optional<String> message,
    Map<String, String> references) {

  /** Evidence with nothing in it. */
  public static final ProviderEvidence NONE =
      new ProviderEvidence(
          OptionalInt.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Map.of());

  /** Normalises absent parts. */
  public ProviderEvidence {
    httpStatus = httpStatus == null ? OptionalInt.empty() : httpStatus;
    code = code == null ? Optional.empty() : code;
    subCode = subCode == null ? Optional.empty() : subCode;
    sip = sip == null ? Optional.empty() : sip;
    q850 = q850 == null ? Optional.empty() : q850;
    message = message == null ? Optional.empty() : message;
    references =
        references == null || references.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(references));
  }

  /**
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @return a builder holding this evidence
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    httpStatus.ifPresent(builder::httpStatus);
    code.ifPresent(builder::code);
    subCode.ifPresent(builder::subCode);
    sip.ifPresent(builder::sip);
    q850.ifPresent(builder::q850);
    message.ifPresent(builder::message);
    references.forEach(builder::reference);
    return builder;
  }

  /** Builds {@link ProviderEvidence}. */
  public static final class Builder {
    private Integer httpStatus;
    private String code;
    private String subCode;
    private SipDiagnostic sip;
    private SipDiagnostic q850;
    private String message;

    /** Made with the first reference: most evidence has none. */
    private Map<String, String> references;

    private Builder() {}

    /**
     * @param value the HTTP status
     * @return this builder
     */
    public Builder httpStatus(int value) {
      httpStatus = value;
      return this;
    }

    /**
     * @param value the code
     * @return this builder
     */
    public Builder code(String value) {
      code = value;
      return this;
    }

    /**
     * @param value the sub-code
     * @return this builder
     */
    public Builder subCode(String value) {
      subCode = value;
      return this;
    }

    /**
     * @param value SIP diagnostics
     * @return this builder
     */
    public Builder sip(SipDiagnostic value) {
      sip = value;
      return this;
    }

    /**
     * @param value Q.850 diagnostics
     * @return this builder
     */
    public Builder q850(SipDiagnostic value) {
      q850 = value;
      return this;
    }

    /**
     * @param value the provider's message
     * @return this builder
     */
    public Builder message(String value) {
      message = value;
      return this;
    }

    /**
     * @param name the id's name, e.g. {@code x-ms-client-request-id}
     * @param value the id; ignored when null
     * @return this builder
     */
    public Builder reference(String name, String value) {
      if (value != null) {
        if (references == null) {
          references = new LinkedHashMap<>();
        }
        references.put(name, value);
      }
      return this;
    }

    /**
     * @return the evidence
     */
    public ProviderEvidence build() {
      if (httpStatus == null
          && code == null
          && subCode == null
          && sip == null
          && q850 == null
          && message == null
          && references == null) {
        return NONE;
      }
      return new ProviderEvidence(
          httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus),
          Optional.ofNullable(code),
          Optional.ofNullable(subCode),
          Optional.ofNullable(sip),
          Optional.ofNullable(q850),
          Optional.ofNullable(message),
          references);
    }
  }
}
