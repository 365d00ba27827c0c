package dev.handoff.emulator.internal.acs;

import dev.handoff.emulator.internal.state.Simulation;
import dev.handoff.emulator.journal.PartyExperience;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what each participant of an ACS call connection hears and whom, whenever it changes. A
 * participant on hold hears the hold audio and nobody; one a prompt plays to hears the prompt;
 * otherwise they hear the participants not on hold and the application while its leg is up, or
 * silence when there is nobody. Callers hold the call's lock.
 */
final class AcsExperiences {
  private static final String PROVIDER = "acs";

  private AcsExperiences() {}

  /** Records every current participant's experience. */
  static void record(Simulation simulation, AcsCallConnection call) {
    for (AcsIdentifier participant : call.participants) {
      record(simulation, call, participant);
    }
  }

  private static void record(
      Simulation simulation, AcsCallConnection call, AcsIdentifier participant) {
    String party = participant.rawId();
    if (call.ended) {
      left(simulation, call, party);
      return;
    }
    String hold = call.holds.get(party);
    if (hold != null) {
      write(simulation, call, party, true, hold, List.of());
      return;
    }
    List<String> with = new ArrayList<>();
    for (AcsIdentifier other : call.participants) {
      if (!other.rawId().equals(party) && !call.holds.containsKey(other.rawId())) {
        with.add(other.rawId());
      }
    }
    if (call.state != AcsCallConnection.State.DISCONNECTED) {
      with.add(PartyExperience.APPLICATION);
    }
    with.sort(String::compareTo);
    String prompt = call.prompts.get(party);
    String hears =
        prompt != null
            ? prompt
            : with.isEmpty() ? PartyExperience.SILENCE : PartyExperience.THE_CALL;
    write(simulation, call, party, true, hears, with);
  }

  /** Records that a party's line is down: they left, were removed or were dropped. */
  static void left(Simulation simulation, AcsCallConnection call, String party) {
    write(simulation, call, party, false, PartyExperience.NOTHING, List.of());
  }

  /** Records that the transferee now talks to the transfer target, outside this connection. */
  static void transferred(
      Simulation simulation,
      AcsCallConnection call,
      AcsIdentifier transferee,
      AcsIdentifier target) {
    write(
        simulation,
        call,
        transferee.rawId(),
        true,
        PartyExperience.THE_CALL,
        List.of(target.rawId()));
  }

  private static void write(
      Simulation simulation,
      AcsCallConnection call,
      String party,
      boolean connected,
      String hears,
      List<String> with) {
    simulation
        .dispatcher()
        .journal()
        .experience(
            simulation.settings().clock().instant(),
            PROVIDER,
            call.callConnectionId,
            party,
            connected,
            hears,
            with);
  }
}
