package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.failure.Failure;
import dev.handoff.domain.failure.FailureReason;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.failure.SipDiagnostic;
import java.util.Optional;

/** Failures and provider evidence in the stored document, every piece of evidence kept. */
final class FailureJson {
  private FailureJson() {}

  static ObjectNode write(Failure failure) {
    ObjectNode out = Json.object();
    out.put("reason", failure.reason().name());
    out.put("retryable", failure.retryable());
    out.put("message", failure.message());
    putEvidence(out, failure.evidence());
    return out;
  }

  static Failure read(Fields in) {
    return in.make(
        () ->
            new Failure(
                in.enumeration("reason", FailureReason.class),
                in.bool("retryable"),
                in.text("message"),
                readEvidence(in)));
  }

  /** Writes the evidence under {@code evidence}, unless it is {@link ProviderEvidence#NONE}. */
  static void putEvidence(ObjectNode target, ProviderEvidence evidence) {
    if (evidence.equals(ProviderEvidence.NONE)) {
      return;
    }
    ObjectNode out = target.putObject("evidence");
    evidence.httpStatus().ifPresent(status -> out.put("httpStatus", status));
    Json.putIfPresent(out, "code", evidence.code());
    Json.putIfPresent(out, "subCode", evidence.subCode());
    Json.putNodeIfPresent(out, "sip", evidence.sip().map(FailureJson::diagnostic));
    Json.putNodeIfPresent(out, "q850", evidence.q850().map(FailureJson::diagnostic));
    Json.putIfPresent(out, "message", evidence.message());
    Json.putPairs(out, "references", evidence.references());
  }

  /** Reads the evidence under {@code evidence}; {@link ProviderEvidence#NONE} when absent. */
  static ProviderEvidence readEvidence(Fields owner) {
    Optional<Fields> found = owner.optionalObject("evidence");
    if (found.isEmpty()) {
      return ProviderEvidence.NONE;
    }
    Fields in = found.get();
    return in.make(
        () ->
            new ProviderEvidence(
                in.optionalSmallInteger("httpStatus"),
                in.optionalText("code"),
                in.optionalText("subCode"),
                in.optionalObject("sip").map(FailureJson::readDiagnostic),
                in.optionalObject("q850").map(FailureJson::readDiagnostic),
                in.optionalText("message"),
                in.pairs("references")));
  }

  private static ObjectNode diagnostic(SipDiagnostic diagnostic) {
    ObjectNode out = Json.object();
    out.put("code", diagnostic.code());
    Json.putIfPresent(out, "message", diagnostic.message());
    return out;
  }

  private static SipDiagnostic readDiagnostic(Fields in) {
    return in.make(() -> new SipDiagnostic(in.smallInteger("code"), in.optionalText("message")));
  }
}
