package dev.handoff.adapter.graph;

import dev.handoff.adapter.graph.http.Endpoints;
import dev.handoff.domain.action.ActionCommand;
import dev.handoff.domain.action.HoldParticipant;
import dev.handoff.domain.action.PlaceCall;
import dev.handoff.domain.action.PlayPrompt;
import dev.handoff.domain.action.ResumeParticipant;
import dev.handoff.domain.command.AddParticipant;
import dev.handoff.domain.command.CallCommand;
import dev.handoff.domain.command.CallTransfer;
import dev.handoff.domain.command.CancelAddParticipant;
import dev.handoff.domain.command.Fallback;
import dev.handoff.domain.command.RedirectCall;
import dev.handoff.domain.command.Transferee;
import dev.handoff.domain.command.WarmHandoff;
import dev.handoff.domain.participant.AcsUser;
import dev.handoff.domain.participant.Cloud;
import dev.handoff.domain.participant.Participant;
import dev.handoff.domain.participant.PhoneNumber;
import dev.handoff.domain.participant.RawParticipant;
import dev.handoff.domain.participant.TeamsApp;
import dev.handoff.domain.participant.TeamsExtensionUser;
import dev.handoff.domain.participant.TeamsUser;
import dev.handoff.domain.provider.CapabilityViolation;
import dev.handoff.domain.provider.UnsupportedByProviderException;
import java.util.ArrayList;
import java.util.List;

/**
 * What Graph's wire cannot carry beyond what {@link GraphProvider} expresses: details of
 * addressable participants that no Graph identity holds, and redirect details Graph fixes.
 */
final class GraphCommandRules {
  private final Cloud cloud;

  GraphCommandRules(Cloud cloud) {
    this.cloud = cloud;
  }

  /** The cloud the adapter serves. */
  Cloud cloud() {
    return cloud;
  }

  /**
   * What Graph cannot carry of a warm handoff's action beyond the capabilities: a participant held
   * without its participant id, a prompt to one participant, a placed call without an https
   * callback.
   */
  List<CapabilityViolation> check(ActionCommand command) {
    List<CapabilityViolation> found = new ArrayList<>();
    if (command instanceof HoldParticipant) {
      participantId(found, ((HoldParticipant) command).participant());
    } else if (command instanceof ResumeParticipant) {
      participantId(found, ((ResumeParticipant) command).participant());
    } else if (command instanceof PlayPrompt && ((PlayPrompt) command).playTo().isPresent()) {
      found.add(
          new CapabilityViolation(
              "playTo",
              "cannot play a prompt to one participant: Graph plays it to everyone in the call"));
    } else if (command instanceof PlaceCall) {
      PlaceCall place = (PlaceCall) command;
      participant(found, place.target(), "target");
      if (place.callbackUri().isEmpty()) {
        found.add(
            new CapabilityViolation(
                "callbackUri", "is required: Graph sends a placed call's notifications there"));
      }
      place
          .callbackUri()
          .map(Endpoints::problem)
          .ifPresent(problem -> found.add(new CapabilityViolation("callbackUri", problem)));
    }
    return found;
  }

  private static void participantId(List<CapabilityViolation> found, Transferee participant) {
    if (participant.callParticipantId().isEmpty()) {
      found.add(
          new CapabilityViolation(
              "participant.callParticipantId",
              "is required: Graph holds a participant by its participant id in the call"));
    }
  }

  /**
   * @param command a command that passed the capability check
   * @throws UnsupportedByProviderException naming everything Graph cannot carry
   */
  void require(CallCommand command) {
    List<CapabilityViolation> found = check(command);
    if (!found.isEmpty()) {
      throw new UnsupportedByProviderException(GraphProvider.ID, found);
    }
  }

  List<CapabilityViolation> check(CallCommand command) {
    List<CapabilityViolation> found = new ArrayList<>();
    command.accept(
        new CallCommand.Visitor<Void>() {
          @Override
          public Void transfer(CallTransfer transfer) {
            participant(found, transfer.target(), "target");
            transfer
                .transferee()
                .ifPresent(t -> participant(found, t.participant(), "transferee.participant"));
            return null;
          }

          @Override
          public Void addParticipant(AddParticipant add) {
            participant(found, add.participant(), "participant");
            return null;
          }

          @Override
          public Void cancelAddParticipant(CancelAddParticipant cancel) {
            // Carries an invitation id only: nothing Graph-specific to check.
            return null;
          }

          @Override
          public Void redirect(RedirectCall redirect) {
            GraphCommandRules.this.redirect(found, redirect);
            return null;
          }

          @Override
          public Void warmHandoff(WarmHandoff handoff) {
            handoff
                .transferee()
                .ifPresent(t -> participant(found, t.participant(), "transferee.participant"));
            for (int i = 0; i < handoff.targets().size(); i++) {
              participant(
                  found, handoff.targets().get(i).participant(), "targets[" + i + "].participant");
            }
            if (handoff.fallback() instanceof Fallback.LastTarget last) {
              participant(found, last.participant(), "fallback.participant");
            }
            return null;
          }
        });
    return found;
  }

  private void redirect(List<CapabilityViolation> found, RedirectCall redirect) {
    for (int i = 0; i < redirect.targets().size(); i++) {
      participant(found, redirect.targets().get(i), "targets[" + i + "]");
    }
    if (!redirect.incomingCallContext().equals(redirect.callId())) {
      found.add(
          new CapabilityViolation(
              "incomingCallContext",
              "must equal callId: Graph redirects a call by its id and reports the call id as the"
                  + " incoming-call context"));
    }
    redirect
        .callbackUri()
        .map(Endpoints::problem)
        .ifPresent(problem -> found.add(new CapabilityViolation("callbackUri", problem)));
  }

  private void participant(List<CapabilityViolation> found, Participant participant, String path) {
    participant.accept(
        new Participant.Visitor<Void>() {
          @Override
          public Void teamsUser(TeamsUser user) {
            if (user.anonymous()) {
              found.add(
                  new CapabilityViolation(
                      path,
                      "cannot address anonymous Teams users (visitors): no Graph identity denotes"
                          + " them"));
            }
            sameCloud(found, user.cloud(), path);
            return null;
          }

          @Override
          public Void teamsApp(TeamsApp app) {
            sameCloud(found, app.cloud(), path);
            if (app.type() == TeamsApp.Type.APPLICATION && app.tenantId().isPresent()) {
              found.add(
                  new CapabilityViolation(
                      path + ".tenantId",
                      "cannot carry a tenant on an application (bot) identity: Graph's"
                          + " application identity has none; address a resource account as"
                          + " APPLICATION_INSTANCE"));
            }
            return null;
          }

          @Override
          public Void phoneNumber(PhoneNumber phone) {
            if (phone.assertedId().isPresent()) {
              found.add(
                  new CapabilityViolation(
                      path + ".assertedId", "cannot carry a phone number's asserted id"));
            }
            return null;
          }

          // The kinds below are refused by the capability check (GraphCapabilities lists the
          // kinds Graph addresses); there is nothing more to say about them here.
          @Override
          public Void acsUser(AcsUser user) {
            return null;
          }

          @Override
          public Void teamsExtensionUser(TeamsExtensionUser user) {
            return null;
          }

          @Override
          public Void raw(RawParticipant raw) {
            return null;
          }
        });
  }

  private void sameCloud(List<CapabilityViolation> found, Cloud participantCloud, String path) {
    if (participantCloud != cloud) {
      found.add(
          new CapabilityViolation(
              path + ".cloud",
              "is in the "
                  + participantCloud.wireName()
                  + " cloud; this Graph adapter serves the "
                  + cloud.wireName()
                  + " cloud and Graph identities carry no cloud"));
    }
  }
}
