package dev.handoff.adapter.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.OperationKind;
import dev.handoff.domain.operation.Disposition;
import dev.handoff.domain.operation.IdempotencyKey;
import dev.handoff.domain.operation.Operation;
import dev.handoff.domain.operation.OperationId;
import dev.handoff.domain.operation.OperationState;
import dev.handoff.domain.operation.SubmissionToken;
import dev.handoff.domain.operation.TimelineEntry;
import dev.handoff.domain.provider.ProviderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lossless JSON form of an {@link Operation}: a document with everything but the timeline, and
 * one document per timeline entry (the timeline is stored apart, so that a change appends entries
 * instead of rewriting them). Reading a document back gives an operation equal to the one written,
 * with maps in their order and instants to the nanosecond.
 *
 * <p>The document carries {@code "format": 1}; a later format is refused rather than misread.
 */
final class OperationCodec {
  /** The document format this codec writes and reads. */
  static final int FORMAT = 1;

  private OperationCodec() {}

  /**
   * @param operation an operation
   * @return its document, without the timeline
   */
  static String writeDocument(Operation operation) {
    ObjectNode out = Json.object();
    out.put("format", FORMAT);
    out.put("id", operation.id().value());
    out.put("kind", operation.kind().name());
    out.put("provider", operation.provider().value());
    out.set("command", CommandJson.write(operation.command()));
    operation.idempotencyKey().ifPresent(key -> out.put("idempotencyKey", key.value()));
    out.put("correlation", operation.correlation());
    ObjectNode submission = out.putObject("submission");
    submission.put("requestId", operation.submission().requestId().toString());
    submission.put("firstSent", operation.submission().firstSent().toString());
    out.put("state", operation.state().name());
    Json.putNodeIfPresent(out, "failure", operation.failure().map(FailureJson::write));
    Json.putIfPresent(out, "invitationId", operation.invitationId());
    Json.putPairs(out, "references", operation.references());
    out.put("createdAt", operation.createdAt().toString());
    out.put("updatedAt", operation.updatedAt().toString());
    out.put("deadline", operation.deadline().toString());
    out.put("version", operation.version());
    return Json.write(out);
  }

  /**
   * @param entry a timeline entry
   * @return its document
   */
  static String writeEntry(TimelineEntry entry) {
    ObjectNode out = Json.object();
    out.put("at", entry.at().toString());
    out.put("source", entry.source().name());
    out.put("what", entry.what());
    out.put("state", entry.state().name());
    out.put("disposition", entry.disposition().name());
    Json.putIfPresent(out, "eventId", entry.eventId());
    Json.putIfPresent(out, "providerTime", entry.providerTime());
    Json.putNodeIfPresent(out, "failure", entry.failure().map(FailureJson::write));
    FailureJson.putEvidence(out, entry.evidence());
    Json.putNodeIfPresent(out, "step", entry.step().map(HandoffJson::writeStep));
    return Json.write(out);
  }

  /**
   * @param document the operation's document
   * @param timeline a JSON array of its timeline entries' documents, in order
   * @return the operation
   * @throws UnreadableDocumentException naming the field that cannot be read
   */
  static Operation read(String document, String timeline) {
    Fields in = Fields.root(Json.read(document, "document"), "document");
    long format = in.integer("format");
    if (format != FORMAT) {
      throw in.error("format", "is " + format + "; this version reads format " + FORMAT);
    }
    List<TimelineEntry> entries = readTimeline(timeline);
    CallCommand command = CommandJson.read(in.object("command"));
    Fields submission = in.object("submission");
    return in.make(
        () ->
            new Operation(
                OperationId.of(in.text("id")),
                in.enumeration("kind", OperationKind.class),
                ProviderId.of(in.text("provider")),
                command,
                in.optionalText("idempotencyKey").map(IdempotencyKey::of),
                in.text("correlation"),
                submission.make(
                    () ->
                        new SubmissionToken(
                            submission.uuid("requestId"), submission.instant("firstSent"))),
                in.enumeration("state", OperationState.class),
                in.optionalObject("failure").map(FailureJson::read),
                in.optionalText("invitationId"),
                in.pairs("references"),
                entries,
                in.instant("createdAt"),
                in.instant("updatedAt"),
                in.instant("deadline"),
                in.integer("version")));
  }

  private static List<TimelineEntry> readTimeline(String timeline) {
    if (timeline == null) {
      throw new UnreadableDocumentException("timeline: has no entries", null);
    }
    JsonNode array = Json.read(timeline, "timeline");
    if (!array.isArray()) {
      throw new UnreadableDocumentException("timeline: must be a JSON array", null);
    }
    List<TimelineEntry> entries = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      entries.add(readEntry(Fields.root(array.get(i), "timeline[" + i + "]")));
    }
    return entries;
  }

  /**
   * @param entry a timeline entry's document
   * @return the entry
   */
  static TimelineEntry readEntry(String entry) {
    return readEntry(Fields.root(Json.read(entry, "timeline entry"), "timeline entry"));
  }

  private static TimelineEntry readEntry(Fields in) {
    Instant at = in.instant("at");
    return in.make(
        () ->
            new TimelineEntry(
                at,
                in.enumeration("source", TimelineEntry.Source.class),
                in.text("what"),
                in.enumeration("state", OperationState.class),
                in.enumeration("disposition", Disposition.class),
                in.optionalText("eventId"),
                in.optionalInstant("providerTime"),
                in.optionalObject("failure").map(FailureJson::read),
                FailureJson.readEvidence(in),
                in.optionalObject("step").map(HandoffJson::readStep)));
  }
}
