package dev.handoff.emulator.internal.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.handoff.emulator.internal.graph.GraphCallState.Member;
import dev.handoff.emulator.internal.state.Simulation;
import dev.handoff.emulator.journal.PartyExperience;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what each participant of a Graph call hears and whom, whenever it changes. A held
 * participant hears the hold music or prompt and nobody; one a prompt plays to hears the prompt;
 * otherwise they hear the other members not on hold and the bot while the call is up. Parties are
 * named by their identity in the control API's notation ({@code phone:+14255550100}, {@code
 * user:<id>}). Callers hold the call's lock.
 */
final class GraphExperiences {
  private static final String PROVIDER = "graph";

  private GraphExperiences() {}

  /** The control API's name of an identity set's party. */
  static String party(JsonNode identity) {
    for (String kind : GraphIdentities.KINDS) {
      JsonNode id = identity.path(kind).path("id");
      if (id.isTextual()) {
        return (kind.equals("azureCommunicationServicesUser") ? "acsUser" : kind)
            + ":"
            + id.asText();
      }
    }
    return "unknown";
  }

  /** Records every member's current experience. */
  static void record(Simulation simulation, GraphCallState call) {
    boolean up = !call.state.equals("terminated");
    for (Member member : call.members) {
      String party = party(member.identity());
      if (!up) {
        write(simulation, call, party, false, PartyExperience.NOTHING, List.of());
        continue;
      }
      String hold = call.holds.get(member.participantId());
      if (hold != null) {
        write(simulation, call, party, true, hold, List.of());
        continue;
      }
      List<String> with = new ArrayList<>();
      for (Member other : call.members) {
        if (other != member && !call.holds.containsKey(other.participantId())) {
          with.add(party(other.identity()));
        }
      }
      with.add(PartyExperience.APPLICATION);
      with.sort(String::compareTo);
      String prompt = call.prompts.get(member.participantId());
      write(
          simulation, call, party, true, prompt != null ? prompt : PartyExperience.THE_CALL, with);
    }
  }

  /** Records that the transferee now talks to the target, outside the bot's calls. */
  static void transferred(
      Simulation simulation, GraphCallState call, Member transferee, JsonNode target) {
    String caller = party(transferee.identity());
    String agent = party(target);
    write(simulation, call, caller, true, PartyExperience.THE_CALL, List.of(agent));
    write(simulation, call, agent, true, PartyExperience.THE_CALL, List.of(caller));
  }

  static void write(
      Simulation simulation,
      GraphCallState call,
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
            call.id,
            party,
            connected,
            hears,
            with);
  }
}
