package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.event.EventMeta;
import dev.handoff.domain.event.IncomingCall;
import dev.handoff.domain.provider.ProviderId;

/**
 * The lossless JSON form of an {@link IncomingCall}: reading a document back gives a call equal to
 * the one written, with header maps in their order and instants to the nanosecond. The document
 * carries {@code "format": 1}; a later format is refused rather than misread.
 */
final class IncomingCallCodec {
  /** The document format this codec writes and reads. */
  static final int FORMAT = 1;

  private IncomingCallCodec() {}

  /**
   * @param call an incoming call
   * @return its document
   */
  static String write(IncomingCall call) {
    ObjectNode out = Json.object();
    out.put("format", FORMAT);
    ObjectNode meta = out.putObject("meta");
    meta.put("provider", call.meta().provider().value());
    meta.put("eventId", call.meta().eventId());
    meta.put("type", call.meta().type());
    meta.put("occurredAt", call.meta().occurredAt().toString());
    out.put("callId", call.callId());
    out.put("incomingCallContext", call.incomingCallContext());
    out.set("from", ParticipantJson.write(call.from()));
    out.set("to", ParticipantJson.write(call.to()));
    Json.putIfPresent(out, "callerDisplayName", call.callerDisplayName());
    Json.putPairs(out, "sipHeaders", call.sipHeaders());
    Json.putPairs(out, "voipHeaders", call.voipHeaders());
    Json.putNodeIfPresent(
        out, "teamsPhoneCallDetails", call.teamsPhoneCallDetails().map(ContextJson::details));
    Json.putNodeIfPresent(out, "transferor", call.transferor().map(ParticipantJson::write));
    Json.putNodeIfPresent(out, "onBehalfOf", call.onBehalfOf().map(ParticipantJson::write));
    Json.putIfPresent(out, "correlationId", call.correlationId());
    return Json.write(out);
  }

  /**
   * @param document a document {@link #write} wrote
   * @return the call
   * @throws UnreadableDocumentException naming the field that cannot be read
   */
  static IncomingCall read(String document) {
    Fields in = Fields.root(Json.read(document, "document"), "document");
    long format = in.integer("format");
    if (format != FORMAT) {
      throw in.error("format", "is " + format + "; this version reads format " + FORMAT);
    }
    Fields meta = in.object("meta");
    EventMeta eventMeta =
        meta.make(
            () ->
                new EventMeta(
                    ProviderId.of(meta.text("provider")),
                    meta.text("eventId"),
                    meta.text("type"),
                    meta.instant("occurredAt")));
    return in.make(
        () ->
            new IncomingCall(
                eventMeta,
                in.text("callId"),
                in.text("incomingCallContext"),
                ParticipantJson.read(in.object("from")),
                ParticipantJson.read(in.object("to")),
                in.optionalText("callerDisplayName"),
                in.pairs("sipHeaders"),
                in.pairs("voipHeaders"),
                in.optionalObject("teamsPhoneCallDetails").map(ContextJson::readDetails),
                in.optionalObject("transferor").map(ParticipantJson::read),
                in.optionalObject("onBehalfOf").map(ParticipantJson::read),
                in.optionalText("correlationId")));
  }
}
