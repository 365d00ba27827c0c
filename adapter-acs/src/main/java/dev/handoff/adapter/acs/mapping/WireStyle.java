package dev.handoff.adapter.acs.mapping;

/**
 * Choices in how requests are written where the ACS contract leaves room.
 *
 * @param rawIdsInRequests whether typed identifiers carry {@code rawId} next to {@code kind} and
 *     their sub-object. The spec makes {@code rawId} optional in requests; sending it is the
 *     default (the Azure SDKs send it too). Without it, bodies match Microsoft's published samples,
 *     which omit it. A {@link dev.handoff.domain.participant.RawParticipant} always carries its raw
 *     id, as that is all it is.
 */
public record WireStyle(boolean rawIdsInRequests) {
  /** The default: raw ids are sent. */
  public static final WireStyle DEFAULT = new WireStyle(true);
}
