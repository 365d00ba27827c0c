package dev.handoff.adapter.graph.notifications;

import dev.handoff.adapter.graph.wire.ParticipantResource;
import dev.handoff.domain.event.CallLifecycleEvent;
import dev.handoff.domain.event.ProviderEvent;
import dev.handoff.domain.failure.ProviderEvidence;
import dev.handoff.domain.participant.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Roster notifications ({@code /communications/calls/{id}/participants}, resource data an array of
 * {@code participant}, or one participant) to a {@code PARTICIPANTS_UPDATED} event. Participants
 * whose identity set names no one are listed in the evidence under {@code unidentified} (their
 * participant ids, or their positions), not dropped silently.
 */
final class RosterNotifications {
  static final String TYPE = "microsoft.graph.participant";

  private final IdentityReader identities;

  RosterNotifications(IdentityReader identities) {
    this.identities = identities;
  }

  List<ProviderEvent> map(Item item) {
    JsonValue data = item.resourceData();
    boolean isArray = data instanceof JsonValue.Elements;
    List<JsonValue> entries = new ArrayList<>();
    if (isArray) {
      ((JsonValue.Elements) data).forEach(entries::add);
    } else {
      entries.add(data);
    }
    List<Participant> participants = new ArrayList<>();
    List<String> unidentified = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = isArray ? ".resourceData[" + i + "]" : ".resourceData";
      JsonValue entry = entries.get(i);
      if (!(entry instanceof JsonValue.Members)) {
        throw item.malformed(where, "must be a participant object, was " + entry.typeName(), null);
      }
      ParticipantResource participant = WireReader.participant(item, entry, where);
      Optional<Participant> who =
          participant.info() == null
              ? Optional.empty()
              : identities.read(item, participant.info().identity(), where + ".info.identity");
      if (who.isPresent()) {
        participants.add(who.get());
      } else {
        unidentified.add(participant.id() != null ? participant.id() : "#" + i);
      }
    }
    ProviderEvidence evidence =
        ProviderEvidence.builder()
            .reference(
                "unidentified", unidentified.isEmpty() ? null : String.join(",", unidentified))
            .build();
    return List.of(
        new CallLifecycleEvent(
            item.meta("", TYPE + ":" + item.changeType()),
            item.callId(),
            CallLifecycleEvent.Change.PARTICIPANTS_UPDATED,
            participants,
            evidence));
  }
}
