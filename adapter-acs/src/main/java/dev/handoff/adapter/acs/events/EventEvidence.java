package dev.handoff.adapter.acs.events;

import dev.handoff.adapter.acs.wire.ResultInformation;
import dev.handoff.adapter.acs.wire.SipDiagnosticInfo;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.failure.SipDiagnostic;
import java.util.Optional;

/** Collects what an event says into provider evidence, verbatim. */
final class EventEvidence {
  private EventEvidence() {}

  static ProviderEvidence.Builder of(
      ResultInformation result, String correlationId, String serverCallId) {
    ProviderEvidence.Builder evidence = ProviderEvidence.builder();
    if (result != null) {
      if (result.code() != null) {
        evidence.code(String.valueOf(result.code()));
      }
      if (result.subCode() != null) {
        evidence.subCode(String.valueOf(result.subCode()));
      }
      if (result.message() != null && !result.message().isEmpty()) {
        evidence.message(result.message());
      }
      diagnostic(result.sipDetails(), "sipDetails", evidence).ifPresent(evidence::sip);
      diagnostic(result.q850Details(), "q850Details", evidence).ifPresent(evidence::q850);
    }
    evidence.reference("correlationId", correlationId);
    evidence.reference("serverCallId", serverCallId);
    return evidence;
  }

  private static Optional<SipDiagnostic> diagnostic(
      SipDiagnosticInfo info, String name, ProviderEvidence.Builder evidence) {
    if (info == null) {
      return Optional.empty();
    }
    if (info.code() == null) {
      // A diagnostic without a code has no place in SipDiagnostic; its text is kept anyway.
      evidence.reference(name + ".message", info.message());
      return Optional.empty();
    }
    return Optional.of(new SipDiagnostic(info.code(), Optional.ofNullable(info.message())));
  }
}
